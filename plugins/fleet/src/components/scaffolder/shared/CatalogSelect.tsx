import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';

/** One entity to choose: its ref, and two lines about it. */
export type CatalogSelectOption = {
  value: string;
  primary: string;
  secondary?: string;
};

/**
 * The select of the pickers that choose one catalog entity by ref: each option with a line of
 * facts under it, the chosen one in one line, and one helper line below.
 */
export function CatalogSelect(props: {
  id: string;
  label: string;
  required?: boolean;
  error: boolean;
  value: string | undefined;
  options: readonly CatalogSelectOption[];
  /** The chosen option in words; undefined while the value is none of the options. */
  selectedText: string | undefined;
  helperText: string;
  onChange: (value: string) => void;
}) {
  const { id, label, required, error, value, options, selectedText } = props;
  const selected = selectedText !== undefined;
  return (
    <FormControl fullWidth margin="normal" required={required} error={error}>
      <InputLabel id={`${id}-label`} shrink={selected ? true : undefined}>
        {label}
      </InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        value={selected ? value : ''}
        onChange={event => props.onChange(String(event.target.value))}
        renderValue={() => selectedText ?? ''}
      >
        {options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            <ListItemText
              primary={option.primary}
              secondary={option.secondary}
            />
          </MenuItem>
        ))}
      </Select>
      <FormHelperText>{props.helperText}</FormHelperText>
    </FormControl>
  );
}
