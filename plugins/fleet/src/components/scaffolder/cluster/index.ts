export { ClusterProfilePicker, profileFacts } from './ClusterProfilePicker';
export { ClusterNameBuilder, nameProblem } from './ClusterNameBuilder';
export type { ClusterNameBuilderOptions } from './ClusterNameBuilder';
export { CidrPreviewField } from './CidrPreviewField';
export type { CidrPreviewOptions, PreviewedCidrs } from './CidrPreviewField';
