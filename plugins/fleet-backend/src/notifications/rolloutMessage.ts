import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';

export const ROLLOUT_NOTIFICATION_TOPIC = 'fleet-rollout';

export type PromotionNotice = {
  clusterRef: string;
  profile: string;
  version: string;
  wave?: string;
  /** When profileVersion changed (versionSince as written). */
  since: string;
  /** The ledger's date and version key: the notification's identity. */
  date: string;
  versionKey: string;
};

/** The notification to a cluster's owner that its wave was promoted to a new profile version. */
export function promotionNotification(
  notice: PromotionNotice,
): NotificationPayload {
  const { namespace, name } = parseEntityRef(notice.clusterRef);
  const wave = notice.wave
    ? `wave ${notice.wave}`
    : 'its last wave (unassigned)';
  return {
    title: `Cluster ${name} moves to ${notice.profile} ${notice.version}`,
    description: `The ${wave} of profile ${notice.profile} was promoted to ${notice.version} (profileVersion changed ${notice.since}). The change reaches the cluster through the platform repository; check your workloads on it, and tell the platform team about anything that breaks while the wave soaks.`,
    link: `/catalog/${namespace}/resource/${name}`,
    severity: 'normal',
    topic: ROLLOUT_NOTIFICATION_TOPIC,
    scope: `${ROLLOUT_NOTIFICATION_TOPIC}:${notice.clusterRef}:${notice.date}:${notice.versionKey}`,
  };
}
