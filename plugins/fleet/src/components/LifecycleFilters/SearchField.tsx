import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';

/** Free-text search, sent once typing pauses so that a 10,000-cluster query is not run per key. */
export function SearchField(props: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { value, onChange } = props;
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
      id="fleet-lifecycle-search"
      label="Search"
      type="search"
      variant="outlined"
      size="small"
      placeholder="Name, title or purpose"
      value={text}
      onChange={event => setText(event.target.value)}
    />
  );
}
