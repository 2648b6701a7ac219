export { HealthStatusChip, HEALTH_STATUS_LABELS } from './HealthStatusChip';
export { HealthErrorPanel } from './HealthErrorPanel';
export { SignalSparkline } from './SignalSparkline';
export { SourceStates, sourceProblem } from './SourceStates';
export {
  formatSampleTime,
  formatSignalValue,
  signalTitle,
} from './formatSignal';
export { sourcesTrouble } from './sourcesTrouble';
