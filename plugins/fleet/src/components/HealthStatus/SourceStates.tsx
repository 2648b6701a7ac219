import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { WarningPanel } from '@backstage/core-components';
import type { MetricsSourceState } from '@fleet-portal/plugin-fleet-common';

/** A sentence naming the source and what is wrong with it. */
export function sourceProblem(source: MetricsSourceState): string {
  const reason = source.message ? `: ${source.message}` : '';
  return source.status === 'down'
    ? `Metrics source ${source.name} is unavailable${reason}`
    : `Metrics source ${source.name} is degraded${reason}`;
}

/**
 * The metrics sources the verdicts come from. A source that is down or degraded gets a warning
 * panel of its own, so that unknown verdicts are never mistaken for a healthy fleet.
 */
export function SourceStates(props: {
  sources: MetricsSourceState[];
  /** Also list the sources that are up. */
  showUp?: boolean;
}) {
  const { sources, showUp } = props;
  const troubled = sources.filter(s => s.status !== 'up');
  const up = sources.filter(s => s.status === 'up');
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      {troubled.map(source => (
        <WarningPanel
          key={source.name}
          severity={source.status === 'down' ? 'error' : 'warning'}
          title={sourceProblem(source)}
          message={
            <>
              {source.status === 'down'
                ? 'Verdicts from this source are unknown until it answers again.'
                : 'Some verdicts from this source may be incomplete.'}
              {source.warnings?.map(w => (
                <Typography key={w} variant="body2" component="div">
                  {w}
                </Typography>
              ))}
            </>
          }
        />
      ))}
      {showUp && up.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Metrics {up.length === 1 ? 'source' : 'sources'}:{' '}
          {up.map(s => `${s.name} (${s.type}) up`).join(', ')}
          {up.some(s => s.warnings?.length)
            ? ` — warnings: ${up.flatMap(s => s.warnings ?? []).join('; ')}`
            : ''}
        </Typography>
      )}
      {sources.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No metrics source is configured (fleet.health.sources).
        </Typography>
      )}
    </Box>
  );
}
