import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import type { PlatformRepoStatus } from '@fleet-portal/plugin-fleet-common';
import { formatUtc, repositoryFacts } from './repositoryFacts';
import { SkippedFilesTable } from './SkippedFilesTable';

/** One platform repository: what was last read, why the latest run failed, what was skipped. */
export function RepositoryState(props: { status: PlatformRepoStatus }) {
  const { status } = props;
  const { lastRead, failure, lastAttemptAt } = status;
  return (
    <InfoCard title={`Platform repository ${status.id}`}>
      <Box display="flex" flexDirection="column" gridGap={16}>
        {failure && (
          <WarningPanel
            severity="error"
            title={`The latest read failed${
              lastAttemptAt ? ` (${formatUtc(lastAttemptAt)})` : ''
            }`}
            message={
              <>
                <Box component="span" display="block">
                  {failure}
                </Box>
                <Box component="span" display="block" mt={1}>
                  {lastRead
                    ? 'The catalog keeps what the last good read below ingested.'
                    : 'Nothing has been ingested from this repository yet.'}
                </Box>
              </>
            }
          />
        )}
        <StructuredMetadataTable
          metadata={repositoryFacts(status)}
          options={{ titleFormat: key => key }}
        />
        {!lastRead && !failure && (
          <Typography variant="body2" color="textSecondary">
            Not read yet: the provider has not finished a run since it was
            configured.
          </Typography>
        )}
        {lastRead && (
          <>
            <Typography variant="h6" component="h3">
              Skipped files
            </Typography>
            <SkippedFilesTable
              label={`Skipped files of ${status.id}`}
              problems={lastRead.problems}
            />
          </>
        )}
      </Box>
    </InfoCard>
  );
}
