import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  teamBudgetUsage,
  type TeamBudget,
  type TeamBudgetNamespace,
} from '@fleet-portal/plugin-fleet-common';
import { budgetLines, budgetSentence, NEARLY_FULL } from './budgetLines';

const useStyles = makeStyles(theme => ({
  line: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, auto) minmax(80px, 1fr)',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  over: { backgroundColor: theme.palette.error.main },
  full: { backgroundColor: theme.palette.warning.main },
}));

/**
 * A team's usage against its budget on one cluster: the sentence, then a bar per capped
 * thing (amber at the budget, red above it — a budget lowered under today's usage); compact,
 * only the bars of what is nearly used up.
 */
export function TeamBudgetUsage(props: {
  team: string;
  teamTitle: string;
  cluster: string;
  budget: TeamBudget;
  namespaces: readonly TeamBudgetNamespace[];
  /** Only the sentence, and bars for what is nearly used up (lists of many budgets). */
  compact?: boolean;
}) {
  const classes = useStyles();
  const usage = teamBudgetUsage(props.namespaces, props.team);
  const lines = budgetLines(props.budget, usage);
  const bars = props.compact
    ? lines.filter(line => line.ratio >= NEARLY_FULL)
    : lines;
  return (
    <Box mb={2}>
      <Typography variant="body2" gutterBottom>
        {budgetSentence(props.teamTitle, props.cluster, lines)}
      </Typography>
      {bars.map(line => (
        <Box key={line.resource} className={classes.line} mb={0.5}>
          <Typography variant="caption" color="textSecondary">
            {line.text}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={Math.min(100, line.ratio * 100)}
            aria-label={line.text}
            classes={barClasses(line.ratio, classes)}
          />
        </Box>
      ))}
    </Box>
  );
}

function barClasses(
  ratio: number,
  classes: { over: string; full: string },
): { bar: string } | undefined {
  if (ratio > 1) {
    return { bar: classes.over };
  }
  return ratio === 1 ? { bar: classes.full } : undefined;
}
