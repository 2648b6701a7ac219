import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

export type ResourceColumn = {
  title: string;
  /** Resource name → Kubernetes quantity. */
  values?: Record<string, string>;
};

/**
 * Quantities per resource with one column per source, e.g. a profile's default quota beside its
 * maximum. Renders nothing when no column has a value.
 */
export function ResourceTable(props: {
  label: string;
  columns: ResourceColumn[];
}) {
  const { label, columns } = props;
  const resources = [
    ...new Set(columns.flatMap(column => Object.keys(column.values ?? {}))),
  ];
  if (resources.length === 0) return null;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Resource</TableCell>
          {columns.map(column => (
            <TableCell key={column.title}>{column.title}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {resources.map(resource => (
          <TableRow key={resource}>
            <TableCell component="th" scope="row">
              {resource}
            </TableCell>
            {columns.map(column => (
              <TableCell key={column.title}>
                {column.values?.[resource] ?? '—'}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
