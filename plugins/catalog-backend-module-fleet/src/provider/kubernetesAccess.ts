import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  Entity,
} from '@backstage/catalog-model';
import type { FleetValidationIssue } from '@fleet-portal/plugin-fleet-common';

/** The annotations the Kubernetes plugin's catalog cluster locator requires together. */
export const KUBERNETES_ACCESS_ANNOTATIONS = [
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
] as const;

/**
 * Access details are optional, but a partial set would make the Kubernetes plugin skip
 * the cluster silently: when one of the three annotations is present, all must be,
 * and the API server must be an http(s) URL.
 * (A platform-repo rule; fleet-common has no such check yet.)
 */
export function checkKubernetesAccess(entity: Entity): FleetValidationIssue[] {
  const annotations = entity.metadata.annotations ?? {};
  const present = KUBERNETES_ACCESS_ANNOTATIONS.filter(key => annotations[key]);
  if (present.length === 0) {
    return [];
  }
  const issues = KUBERNETES_ACCESS_ANNOTATIONS.filter(
    key => !annotations[key],
  ).map(key => ({
    path: annotationPath(key),
    message: `${annotationPath(key)}: is required when ${present.join(
      ', ',
    )} is set (the Kubernetes plugin needs all of ${KUBERNETES_ACCESS_ANNOTATIONS.join(
      ', ',
    )})`,
  }));
  const apiServer = annotations[ANNOTATION_KUBERNETES_API_SERVER];
  if (apiServer && !isHttpUrl(apiServer)) {
    const path = annotationPath(ANNOTATION_KUBERNETES_API_SERVER);
    issues.push({
      path,
      message: `${path}: ${JSON.stringify(apiServer)} is not an http(s) URL`,
    });
  }
  return issues;
}

function annotationPath(key: string) {
  return `metadata.annotations[${JSON.stringify(key)}]`;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
