import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { PlatformRepoFileProblem } from '@fleet-portal/plugin-fleet-common';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/**
 * Every problem of every skipped file, one row each: the file, its line, the reason in
 * words and what the catalog serves meanwhile.
 */
export function SkippedFilesTable(props: {
  label: string;
  problems: PlatformRepoFileProblem[];
}) {
  const { label, problems } = props;
  if (problems.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No file was skipped: every entity file of this commit was ingested.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>File</TableCell>
          <TableCell style={NO_WRAP}>Line</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>The catalog meanwhile</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {problems.map((problem, index) => (
          <TableRow key={`${problem.path}:${problem.line ?? ''}:${index}`}>
            <TableCell component="th" scope="row">
              <code>{problem.path}</code>
            </TableCell>
            <TableCell style={NO_WRAP}>{problem.line ?? '—'}</TableCell>
            <TableCell>{problem.reason}</TableCell>
            <TableCell>
              {problem.lastGoodKept
                ? 'keeps serving its last good version, marked with this error'
                : 'has no entity for it'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
