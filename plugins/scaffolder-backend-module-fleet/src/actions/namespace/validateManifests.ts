import { validateTenantNamespace } from '@fleet-portal/plugin-fleet-common';
import { importEsm } from '../../importEsm';
import type { KubernetesObject, RenderedNamespace } from './renderNamespace';

type Model = new (data: any) => { validate(): void };

let models: Promise<Record<string, Model>> | undefined;

/** kubernetes-models is ESM-only; loaded once, on first use. */
function loadModels(): Promise<Record<string, Model>> {
  models ??= Promise.all([
    importEsm<typeof import('kubernetes-models/v1')>('kubernetes-models/v1'),
    importEsm<typeof import('kubernetes-models/networking.k8s.io/v1')>(
      'kubernetes-models/networking.k8s.io/v1',
    ),
    importEsm<typeof import('kubernetes-models/rbac.authorization.k8s.io/v1')>(
      'kubernetes-models/rbac.authorization.k8s.io/v1',
    ),
  ]).then(([core, networking, rbac]) => ({
    'v1/Namespace': core.Namespace,
    'v1/ResourceQuota': core.ResourceQuota,
    'v1/LimitRange': core.LimitRange,
    'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy,
    'rbac.authorization.k8s.io/v1/RoleBinding': rbac.RoleBinding,
  }));
  return models;
}

/**
 * Validates each manifest against the Kubernetes OpenAPI schema shipped by
 * kubernetes-models, and the entity against the entity model. Returns the problems,
 * one line each; empty when everything is valid.
 */
export async function validateRendered(
  rendered: RenderedNamespace,
): Promise<string[]> {
  const loaded = await loadModels();
  const problems = rendered.manifests.flatMap(m => validateManifest(m, loaded));
  for (const issue of validateTenantNamespace(rendered.entity)) {
    problems.push(`tenant namespace entity: ${issue.path}: ${issue.message}`);
  }
  return problems;
}

function validateManifest(
  manifest: KubernetesObject,
  loaded: Record<string, Model>,
): string[] {
  const where = `${manifest.kind} ${manifest.metadata?.name}`;
  const Model = loaded[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) {
    return [`${where}: no schema for ${manifest.apiVersion} ${manifest.kind}`];
  }
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
}
