import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** A multi-select of the values present in the fleet, named by its label for assistive technology. */
export function FacetPicker<T extends string>(props: {
  label: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  optionLabel?: (option: T) => string;
}) {
  const { label, options, value, onChange, optionLabel = String } = props;
  return (
    <Autocomplete<T, true>
      multiple
      aria-label={label}
      size="small"
      options={[...options]}
      value={[...value]}
      onChange={(_event, selected) => onChange(selected)}
      getOptionLabel={optionLabel}
      filterSelectedOptions
      style={{ minWidth: 200 }}
      renderInput={params => (
        <TextField {...params} label={label} variant="outlined" />
      )}
    />
  );
}
