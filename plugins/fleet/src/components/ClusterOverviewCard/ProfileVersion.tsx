import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { tryParseEntityRef } from '../../lib/refs';
import { isVersionBehind } from '../../lib/versions';

/** The profile, linked, with the version built from; marked when behind the profile's current version. */
export function ProfileVersion(props: {
  profileRef?: string;
  version?: string;
  currentVersion?: string;
}) {
  const { profileRef, version, currentVersion } = props;
  const ref = tryParseEntityRef(profileRef, 'clusterprofile');
  const behind = isVersionBehind(version, currentVersion);
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
      {ref ? <EntityRefLink entityRef={ref} /> : profileRef ?? '—'}
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
