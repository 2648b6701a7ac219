import type {
  RolloutGate,
  RolloutGateEvidence,
} from '@fleet-portal/plugin-fleet-common';
import type { PromotedCluster } from './buildPromotion';
import type { PromotionPlan } from './planPromotion';

/** First line of a promotion's commit. */
export function promotionTitle(
  plan: PromotionPlan,
  clusters: PromotedCluster[],
): string {
  return `Promote ${plan.profileName} ${plan.targetVersion} to wave ${
    plan.wave
  } (${clusters.length} cluster${clusters.length === 1 ? '' : 's'})`;
}

/**
 * The commit message of a promotion: the title, the reason, the gate's verdict with its
 * evidence, each cluster's move (calling out versions the profile no longer allows), what was
 * left alone, and trailers recording who asked and which task made it.
 */
export function promotionMessage(options: {
  plan: PromotionPlan;
  clusters: PromotedCluster[];
  notes: string[];
  reason: string;
  requestedBy: string;
  taskId: string;
}): string {
  const { plan, clusters } = options;
  const lines = [
    promotionTitle(plan, clusters),
    '',
    options.reason.trim(),
    '',
    ...gateLines(plan),
    '',
    'Clusters:',
    ...clusters.map(
      c =>
        `- ${c.name}: ${c.from || 'no version'} -> ${c.to}${
          c.versionAllowed
            ? ''
            : ` (${
                c.from || 'no version'
              } is outside the profile's allowed versions)`
        }`,
    ),
    ...(options.notes.length > 0
      ? ['', 'Left alone:', ...options.notes.map(n => `- ${n}`)]
      : []),
    '',
    `Requested-by: ${options.requestedBy}`,
    `Rollout: ${plan.profileRef} ${plan.targetVersion}, wave ${plan.wave}`,
    `Rollout-gate: ${plan.gate ? plan.gate.verdict : 'none (first wave)'}`,
    `Scaffolder-task: ${options.taskId}`,
  ];
  return `${lines.join('\n')}\n`;
}

function gateLines(plan: PromotionPlan): string[] {
  const gate = plan.gate;
  if (!gate) {
    return [
      `Gate: none — ${plan.wave} is the first wave of ${plan.profileName} ${plan.targetVersion}`,
    ];
  }
  return [`Gate: ${oneLine(gate.reason)}`, ...evidenceLines(gate)];
}

function evidenceLines(gate: RolloutGate): string[] {
  // the backend's evidence, read defensively: a missing part is left out, never guessed
  const e: Partial<RolloutGateEvidence> = gate.evidence ?? {};
  const lines = [
    `Gate evidence (${gate.wave}${
      e.evaluatedAt ? `, evaluated ${e.evaluatedAt}` : ''
    }):`,
    `- ${e.onTarget ?? '?'} of ${e.clusters ?? '?'} clusters on ${
      e.targetVersion ?? '?'
    }; soak ${e.soakDays ?? '?'} d within ${
      e.allowedStatuses?.join(', ') ?? '?'
    }`,
  ];
  if (e.healthyDays !== undefined) {
    lines.push(
      `- healthy for ${formatDays(e.healthyDays)} d${
        e.leastSoakedCluster ? ` (least: ${e.leastSoakedCluster})` : ''
      }`,
    );
  }
  lines.push(
    `- history ${e.windowStart ?? '?'} to ${e.windowEnd ?? '?'}, ${
      e.queries ?? '?'
    } range quer${e.queries === 1 ? 'y' : 'ies'} over ${
      e.signals?.join(', ') || 'no signals'
    }`,
  );
  if (e.sources && e.sources.length > 0) {
    lines.push(
      `- sources: ${e.sources.map(s => `${s.name} ${s.status}`).join(', ')}`,
    );
  }
  const periods = e.periods ?? [];
  lines.push(
    periods.length === 0
      ? '- no period outside the allowed statuses'
      : `- outside the allowed statuses: ${periods
          .slice(0, 10)
          .map(
            p =>
              `${p.cluster} ${p.status}${p.signal ? ` (${p.signal})` : ''} ${
                p.start
              } to ${p.end}`,
          )
          .join('; ')}${
          periods.length > 10 ? `; and ${periods.length - 10} more` : ''
        }`,
  );
  return lines;
}

function formatDays(days: number): string {
  return String(Math.floor(days * 10) / 10);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
