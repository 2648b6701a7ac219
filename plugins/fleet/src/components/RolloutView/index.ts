export { ProfileRolloutContent } from './ProfileRolloutContent';
export { RolloutViewContent } from './RolloutViewContent';
