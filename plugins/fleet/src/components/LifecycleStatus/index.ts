export { LifecycleStatusChip } from './LifecycleStatusChip';
export { formatDaysLeft, STATUS_LABELS } from './statusLabels';
