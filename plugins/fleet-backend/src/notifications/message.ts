import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { DueNotice } from './thresholds';

export const NOTIFICATION_TOPIC = 'fleet-lifecycle';

function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

function title(name: string, { kind, threshold, daysLeft }: DueNotice): string {
  if (kind === 'review') {
    return threshold === 'past'
      ? `Review of cluster ${name} is overdue`
      : `Review of cluster ${name} is due ${inDays(daysLeft)}`;
  }
  return threshold === 'past'
    ? `Cluster ${name} is past its retire-by date`
    : `Cluster ${name} retires ${inDays(daysLeft)}`;
}

function description(notice: DueNotice): string {
  const { kind, date, threshold, daysLeft } = notice;
  if (kind === 'review') {
    return threshold === 'past'
      ? `The review-by date ${date} passed ${-daysLeft} day(s) ago. Review the cluster and record the decision with a new review-by or retire-by date; leaving it running without a decision is not acceptable.`
      : `Review the cluster by ${date}: confirm it is still needed and record the next review-by date, or plan its retirement.`;
  }
  return threshold === 'past'
    ? `The retire-by date ${date} passed ${-daysLeft} day(s) ago and the cluster is still in the inventory. Decommission it or record a new retire-by date.`
    : `The cluster is due to be decommissioned by ${date}: migrate its workloads, remove it from the management plane and de-provision it.`;
}

function severity({ threshold }: DueNotice): NotificationPayload['severity'] {
  if (threshold === 'past') return 'critical';
  if (threshold === '7d') return 'high';
  return 'normal';
}

/** The notification about one date of one cluster. */
export function lifecycleNotification(
  clusterRef: string,
  notice: DueNotice,
): NotificationPayload {
  const { namespace, name } = parseEntityRef(clusterRef);
  return {
    title: title(name, notice),
    description: description(notice),
    link: `/catalog/${namespace}/resource/${name}`,
    severity: severity(notice),
    topic: NOTIFICATION_TOPIC,
    // Lets the notifications backend update rather than duplicate, should a send ever repeat.
    scope: `${NOTIFICATION_TOPIC}:${clusterRef}:${notice.kind}:${notice.date}:${notice.threshold}`,
  };
}
