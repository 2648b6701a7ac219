export { ScheduleCard } from './ScheduleCard';
export { ScheduleChart } from './ScheduleChart';
