import type { CheckedClusterRequest } from '../checkClusterRequest';

/** Everything the renderers need: the checked request and the CIDRs reserved for it. */
export type RenderContext = CheckedClusterRequest & {
  podCidr: string;
  serviceCidr: string;
  /** Creation date of the request, YYYY-MM-DD. */
  created: string;
};

/** A rendered file: its path in the platform repository and its text. */
export type RenderedFile = { path: string; content: string };
