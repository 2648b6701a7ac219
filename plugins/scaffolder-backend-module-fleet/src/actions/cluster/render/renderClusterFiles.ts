import { platformRepoPaths } from '@fleet-portal/plugin-fleet-node';
import yaml from 'yaml';
import { renderCapiCluster } from './clusterApi';
import { renderClusterEntity } from './clusterEntity';
import { renderCrossplaneClaim } from './crossplane';
import { renderHelmfile } from './helmfile';
import { renderOmniTemplate } from './omni';
import type { RenderContext, RenderedFile } from './types';

/** File names under `clusters/<name>/provisioning/`, per provisioner. */
export const PROVISIONING_FILES = {
  'cluster-api': 'cluster-api.yaml',
  crossplane: 'crossplane-claim.yaml',
  omni: 'omni-cluster-template.yaml',
  helmfile: 'helmfile.yaml',
} as const;

/**
 * Renders a checked request into the platform-repository layout: the cluster entity, the
 * artefact of the profile's provisioner and the Helmfile of its components. Every document is
 * checked against its shape before anything is returned.
 */
export function renderClusterFiles(context: RenderContext): RenderedFile[] {
  const name = context.request.name;
  const provisioner = context.profile.spec.provisioner?.type ?? 'cluster-api';
  const header = (what: string) =>
    `# ${what} of ${name}, rendered by Fleet Portal from profile ${context.profile.metadata.name} ${context.profileVersion}.\n`;

  const entityPath = platformRepoPaths.cluster(name);
  const files: RenderedFile[] = [
    {
      path: entityPath,
      content:
        header('Catalog entity') + yaml.stringify(renderClusterEntity(context)),
    },
  ];

  const provisioningPath = platformRepoPaths.provisioning(
    name,
    PROVISIONING_FILES[provisioner],
  );
  if (provisioner === 'cluster-api') {
    files.push({
      path: provisioningPath,
      content:
        header('Cluster API Cluster (ClusterClass topology)') +
        yaml.stringify(renderCapiCluster(context, provisioningPath)),
    });
  } else if (provisioner === 'crossplane') {
    files.push({
      path: provisioningPath,
      content:
        header('Crossplane claim') +
        yaml.stringify(renderCrossplaneClaim(context, provisioningPath)),
    });
  } else {
    files.push({
      path: provisioningPath,
      content:
        header('Sidero Omni cluster template') +
        renderOmniTemplate(context, provisioningPath)
          .map(document => yaml.stringify(document))
          .join('---\n'),
    });
  }

  const helmfilePath = platformRepoPaths.provisioning(
    name,
    PROVISIONING_FILES.helmfile,
  );
  const { helmfile, withoutChart } = renderHelmfile(context, helmfilePath);
  files.push({
    path: helmfilePath,
    content:
      header('Helmfile of the pinned components') +
      (withoutChart.length > 0
        ? `# Pinned by the profile but not Helm releases: ${withoutChart.join(
            ', ',
          )}.\n`
        : '') +
      yaml.stringify(helmfile),
  });
  return files;
}
