import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import {
  HEALTH_STATUS_ORDER,
  type EnvironmentHealth,
  type HealthStatus,
} from '@fleet-portal/plugin-fleet-common';
import { HEALTH_STATUS_LABELS } from '../HealthStatus';
import { useStatusColors } from './gridColors';

const useStyles = makeStyles(theme => ({
  table: { '& td, & th': { padding: theme.spacing(0.5, 1) } },
  number: { textAlign: 'right', whiteSpace: 'nowrap', width: 72 },
  zero: { color: theme.palette.text.disabled },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: 4,
    borderRadius: 2,
  },
}));

/**
 * Clusters per environment and status, worst environment first: the fleet at a glance. A count
 * filters the views to its environment and status.
 */
export function EnvironmentMatrix(props: {
  environments: EnvironmentHealth[];
  onSelect: (environment: string | undefined, status?: HealthStatus) => void;
}) {
  const classes = useStyles();
  const colors = useStatusColors();
  return (
    <Table
      size="small"
      aria-label="Clusters by environment and status"
      className={classes.table}
    >
      <TableHead>
        <TableRow>
          <TableCell>Environment</TableCell>
          {HEALTH_STATUS_ORDER.map(status => (
            <TableCell key={status} className={classes.number}>
              <span
                className={classes.swatch}
                style={{ background: colors[status] }}
                aria-hidden
              />
              {HEALTH_STATUS_LABELS[status]}
            </TableCell>
          ))}
          <TableCell className={classes.number}>Total</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.environments.map(row => {
          const name = row.environment ?? '(no environment)';
          return (
            <TableRow key={name} data-environment={name}>
              <TableCell component="th" scope="row">
                {name}
              </TableCell>
              {HEALTH_STATUS_ORDER.map(status => {
                const count = row.byStatus[status];
                return (
                  <TableCell key={status} className={classes.number}>
                    {count === 0 || row.environment === undefined ? (
                      <span className={count === 0 ? classes.zero : undefined}>
                        {count}
                      </span>
                    ) : (
                      <Link
                        component="button"
                        variant="body2"
                        onClick={() => props.onSelect(row.environment, status)}
                        aria-label={`${count} ${HEALTH_STATUS_LABELS[status]} in ${name}`}
                      >
                        {count}
                      </Link>
                    )}
                  </TableCell>
                );
              })}
              <TableCell className={classes.number}>{row.total}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
