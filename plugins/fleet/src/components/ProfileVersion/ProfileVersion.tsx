import { makeStyles } from '@material-ui/core/styles';
import Chip from '@material-ui/core/Chip';
import { isVersionBehind } from '@fleet-portal/plugin-fleet-common';
import { EntityLink } from '../EntityLink';

// plain classes, not Box: a Box per table row inserts a style sheet each (slow at 50 rows)
const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    // "Non-production" must not break at its hyphen in a narrow column
    '& a': { whiteSpace: 'nowrap' },
  },
}));

/** The profile, linked, with the version built from; marked when behind the profile's current version. */
export function ProfileVersion(props: {
  profileRef?: string;
  version?: string;
  currentVersion?: string;
}) {
  const { profileRef, version, currentVersion } = props;
  const behind = isVersionBehind(version, currentVersion);
  const classes = useStyles();
  return (
    <div className={classes.root}>
      {profileRef && (
        <EntityLink entityRef={profileRef} defaultKind="clusterprofile" />
      )}
      {version && <span>{version}</span>}
      {behind && (
        <Chip
          size="small"
          variant="outlined"
          label={`Behind: current is ${currentVersion}`}
        />
      )}
    </div>
  );
}
