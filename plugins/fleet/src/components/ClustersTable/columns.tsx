import type { ReactNode } from 'react';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type {
  ClusterLifecycle,
  LifecycleSortField,
} from '@fleet-portal/plugin-fleet-common';
import { EntityLink } from '../EntityLink';
import { ProfileVersion } from '../ProfileVersion';
import { LifecycleStatusChip } from '../LifecycleStatus';

export type Column = {
  title: string;
  sortField: LifecycleSortField;
  render: (cluster: ClusterLifecycle) => ReactNode;
  /**
   * How the column fits its content: `nowrap` for short values (dates, names without spaces),
   * which never break mid-word; `wide` columns take the remaining width and wrap between words.
   */
  fit: 'nowrap' | 'wide';
  /** Room for what the column shows side by side (a chip and its days). */
  minWidth?: number;
};

const orDash = (value: string | undefined) => value ?? '—';

export const columns: Column[] = [
  {
    title: 'Cluster',
    fit: 'nowrap',
    sortField: 'name',
    render: cluster => (
      <EntityLink entityRef={cluster.entityRef} defaultKind="resource" />
    ),
  },
  {
    title: 'Owner',
    fit: 'nowrap',
    sortField: 'owner',
    render: cluster =>
      cluster.owner ? (
        <EntityLink entityRef={cluster.owner} defaultKind="group" />
      ) : (
        '—'
      ),
  },
  {
    title: 'Environment',
    fit: 'nowrap',
    sortField: 'environment',
    render: c => orDash(c.environment),
  },
  {
    title: 'Profile',
    fit: 'wide',
    sortField: 'profile',
    render: cluster =>
      cluster.profileRef ? (
        <ProfileVersion
          profileRef={cluster.profileRef}
          version={cluster.profileVersion}
          currentVersion={cluster.profileCurrentVersion}
        />
      ) : (
        '—'
      ),
  },
  {
    title: 'Review by',
    fit: 'nowrap',
    sortField: 'reviewBy',
    render: c => orDash(c.reviewBy),
  },
  {
    title: 'Retire by',
    fit: 'nowrap',
    sortField: 'retireBy',
    render: c => orDash(c.retireBy),
  },
  {
    title: 'Status',
    fit: 'wide',
    minWidth: 250,
    sortField: 'status',
    render: cluster => (
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <LifecycleStatusChip
          status={cluster.status}
          daysLeft={cluster.daysLeft}
        />
        {cluster.retiring && <RetiringChip cluster={cluster} />}
        {!cluster.governed && <UngovernedChip cluster={cluster} />}
      </div>
    ),
  },
];

/** Marks a cluster a platform owner marked retiring; the tooltip says who, when and why. */
function RetiringChip(props: { cluster: ClusterLifecycle }) {
  const { retiring, retireBy } = props.cluster;
  return (
    <Tooltip
      title={`Marked retiring${retireBy ? ` by ${retireBy}` : ''} by ${
        retiring!.requestedBy
      } on ${retiring!.requestedAt}: ${retiring!.reason}`}
    >
      <Chip size="small" variant="outlined" label="Retiring" />
    </Tooltip>
  );
}

/** Marks a cluster outside fleet governance (no profile, owner or dates; or known only to a management plane). */
function UngovernedChip(props: { cluster: ClusterLifecycle }) {
  const finding = props.cluster.findings.find(f => f.code === 'ungoverned');
  return (
    <Tooltip title={finding?.message ?? 'Not under fleet governance'}>
      <Chip
        size="small"
        variant="outlined"
        color="secondary"
        label="Ungoverned"
      />
    </Tooltip>
  );
}
