import { InstantSample } from '../promql/response';

/** Series of one cluster: all of them, those with every required label, and those missing each label. */
export type LabelCounts = {
  series: number;
  complete: number;
  missing: Record<string, number>;
};

const MARK = 'fleet_label_contract';
const SERIES = '__series__';
const COMPLETE = '__complete__';

function mark(selector: string, value: string, clusterLabel: string): string {
  // The regex matches any value of the cluster label, so every selected series is marked.
  return `label_replace(${selector}, "${MARK}", "${value}", "${clusterLabel}", ".*")`;
}

/**
 * One query for the label contract of the whole fleet: per cluster, the number of series, of series
 * carrying every required label, and of series missing each required label (marked by an extra label
 * so that `or` keeps the arms apart).
 */
export function labelContractQuery(
  clusterLabel: string,
  requiredLabels: readonly string[],
): string {
  const has = `${clusterLabel}!=""`;
  const others = requiredLabels.filter(label => label !== clusterLabel);
  const arms = [
    mark(`{${has}}`, SERIES, clusterLabel),
    mark(
      `{${[has, ...others.map(label => `${label}!=""`)].join(',')}}`,
      COMPLETE,
      clusterLabel,
    ),
    ...others.map(label => mark(`{${has},${label}=""}`, label, clusterLabel)),
  ];
  return `count by (${clusterLabel}, ${MARK}) (${arms.join(' or ')})`;
}

export function readLabelContract(
  samples: readonly InstantSample[],
  clusterLabel: string,
  requiredLabels: readonly string[],
): Map<string, LabelCounts> {
  const counts = new Map<string, LabelCounts>();
  for (const sample of samples) {
    const cluster = sample.labels[clusterLabel];
    const marked = sample.labels[MARK];
    if (!cluster || !marked || !Number.isFinite(sample.value)) continue;
    let entry = counts.get(cluster);
    if (!entry) {
      entry = { series: 0, complete: 0, missing: {} };
      counts.set(cluster, entry);
    }
    if (marked === SERIES) entry.series = sample.value;
    else if (marked === COMPLETE) entry.complete = sample.value;
    else if (requiredLabels.includes(marked))
      entry.missing[marked] = sample.value;
  }
  return counts;
}
