import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { makeStyles } from '@material-ui/core/styles';
import type {
  FindingSeverity,
  GovernanceFinding,
} from '@fleet-portal/plugin-fleet-common';
import { EntityLink } from '../EntityLink';

const useStyles = makeStyles(theme => ({
  warning: { color: theme.palette.warning.main },
}));

function SeverityIcon(props: { severity: FindingSeverity }) {
  const classes = useStyles();
  const label = `Severity: ${props.severity}`;
  switch (props.severity) {
    case 'critical':
      return <ErrorOutline color="error" titleAccess={label} />;
    case 'warning':
      return (
        <ReportProblemOutlined
          className={classes.warning}
          titleAccess={label}
        />
      );
    default:
      return <InfoOutlined color="action" titleAccess={label} />;
  }
}

/** Governance findings with a severity icon, the message and the entity involved. */
export function FindingsList(props: { findings: GovernanceFinding[] }) {
  return (
    <List dense aria-label="Findings" disablePadding>
      {props.findings.map(finding => (
        <ListItem key={`${finding.code}:${finding.message}`} disableGutters>
          <ListItemIcon>
            <SeverityIcon severity={finding.severity} />
          </ListItemIcon>
          <ListItemText
            primary={finding.message}
            secondary={
              finding.relatedEntityRef && (
                <EntityLink
                  entityRef={finding.relatedEntityRef}
                  defaultKind="resource"
                />
              )
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
