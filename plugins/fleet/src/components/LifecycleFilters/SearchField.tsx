import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';

/** Free-text search, sent once typing pauses so that a 10,000-cluster query is not run per key. */
export function SearchField(props: {
  value: string;
  onChange: (value: string) => void;
  id?: string;
  label?: string;
  placeholder?: string;
}) {
  const {
    value,
    onChange,
    id = 'fleet-lifecycle-search',
    label = 'Search',
    placeholder = 'Name, title or purpose',
  } = props;
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useDebounce(
    () => {
      if (text !== value) onChange(text);
    },
    400,
    [text],
  );
  return (
    <TextField
      id={id}
      label={label}
      type="search"
      variant="outlined"
      size="small"
      placeholder={placeholder}
      value={text}
      onChange={event => setText(event.target.value)}
    />
  );
}
