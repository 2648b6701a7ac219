import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { isVersionBehind } from '@fleet-portal/plugin-fleet-common';
import { EntityLink } from '../EntityLink';

/** The profile, linked, with the version built from; marked when behind the profile's current version. */
export function ProfileVersion(props: {
  profileRef?: string;
  version?: string;
  currentVersion?: string;
}) {
  const { profileRef, version, currentVersion } = props;
  const behind = isVersionBehind(version, currentVersion);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
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
    </Box>
  );
}
