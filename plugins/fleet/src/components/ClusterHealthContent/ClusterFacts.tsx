import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  LabelCoverage,
  VersionDrift,
} from '@fleet-portal/plugin-fleet-common';

/** The share of the cluster's series that carry the required labels. */
export function LabelCoverageLine(props: {
  coverage?: LabelCoverage;
  trouble?: string;
}) {
  const { coverage, trouble } = props;
  if (!coverage) {
    return (
      <Typography variant="body2" color="textSecondary">
        Label coverage: {trouble ?? 'unknown (no series counted)'}
      </Typography>
    );
  }
  const percent = `${(coverage.share * 100).toFixed(1).replace(/\.0$/, '')} %`;
  return (
    <Typography variant="body2">
      Label coverage: {percent} of {coverage.series} series carry the required
      labels
      {coverage.missingLabels.length > 0 &&
        ` — missing on some series: ${coverage.missingLabels.join(', ')}`}
    </Typography>
  );
}

function allowedRange(drift: VersionDrift): string {
  if (!drift.allowedRange) return '—';
  if (drift.withinAllowedRange === undefined) return drift.allowedRange;
  return `${drift.allowedRange} (${
    drift.withinAllowedRange ? 'within' : 'outside'
  })`;
}

/** Components whose observed version differs from the profile's pin. */
export function DriftTable(props: {
  drift: VersionDrift[];
  showCluster?: boolean;
  /** Set when the store could not be read completely: an empty list is then not "no drift". */
  trouble?: string;
}) {
  const { drift, showCluster, trouble } = props;
  if (drift.length === 0 && trouble) {
    return (
      <Typography variant="body2" color="textSecondary">
        Version drift: {trouble}.
      </Typography>
    );
  }
  if (drift.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No version drift: every observed component version matches the profile's
        pin.
      </Typography>
    );
  }
  return (
    <Box>
      {trouble && (
        <Typography variant="body2" color="textSecondary">
          The list is {trouble}.
        </Typography>
      )}
      <Table size="small" aria-label="Version drift">
        <TableHead>
          <TableRow>
            {showCluster && <TableCell>Cluster</TableCell>}
            <TableCell>Component</TableCell>
            <TableCell>Observed</TableCell>
            <TableCell>Pinned</TableCell>
            <TableCell>Allowed range</TableCell>
            <TableCell>Profile</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {drift.map(d => (
            <TableRow key={`${d.cluster}/${d.component}`}>
              {showCluster && <TableCell>{d.cluster}</TableCell>}
              <TableCell>{d.component}</TableCell>
              <TableCell>{d.observed}</TableCell>
              <TableCell>{d.pinned}</TableCell>
              <TableCell>{allowedRange(d)}</TableCell>
              <TableCell>{d.profileRef ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
