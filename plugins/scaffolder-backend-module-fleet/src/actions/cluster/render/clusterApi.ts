import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { fleetLabels, vPrefixed } from './labels';
import {
  assertShape,
  kubernetesVersionSchema,
  objectMetaSchema,
} from './shapes';
import type { RenderContext } from './types';

/** The worker class Cluster API's own ClusterClass examples name; profiles may name another. */
export const DEFAULT_WORKER_CLASS = 'default-worker';

// A Cluster API Cluster with a managed topology, as documented in the Cluster API book
// ("Writing a ClusterClass" / "Changing a ClusterClass") and the cluster.x-k8s.io/v1beta1 API
// reference: spec.clusterNetwork.{pods,services}.cidrBlocks, spec.topology.class, .version,
// .controlPlane.replicas and .workers.machineDeployments[{class, name, replicas}].
const cidrBlocks = z
  .object({ cidrBlocks: z.array(z.string().min(1)).min(1) })
  .strict();
export const capiClusterSchema = z
  .object({
    apiVersion: z.literal('cluster.x-k8s.io/v1beta1'),
    kind: z.literal('Cluster'),
    metadata: objectMetaSchema,
    spec: z
      .object({
        clusterNetwork: z
          .object({ pods: cidrBlocks, services: cidrBlocks })
          .strict(),
        topology: z
          .object({
            class: z.string().min(1),
            version: kubernetesVersionSchema,
            controlPlane: z
              .object({ replicas: z.number().int().min(1) })
              .strict(),
            workers: z
              .object({
                machineDeployments: z
                  .array(
                    z
                      .object({
                        class: z.string().min(1),
                        name: z
                          .string()
                          .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
                        replicas: z.number().int().min(0),
                      })
                      .strict(),
                  )
                  .min(1),
              })
              .strict()
              .optional(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

export type CapiCluster = z.infer<typeof capiClusterSchema>;

/** The Cluster API `Cluster` of a cluster built from a ClusterClass. */
export function renderCapiCluster(
  context: RenderContext,
  file: string,
): CapiCluster {
  const { profile, request } = context;
  const clusterClass = profile.spec.provisioner?.clusterClass;
  if (!clusterClass) {
    throw new InputError(
      `profile ${profile.metadata.name} provisions with Cluster API but names no ClusterClass (spec.provisioner.clusterClass)`,
    );
  }
  const cluster: CapiCluster = {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: { name: request.name, labels: fleetLabels(context) },
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: [context.podCidr] },
        services: { cidrBlocks: [context.serviceCidr] },
      },
      topology: {
        class: clusterClass,
        version: vPrefixed(profile.spec.kubernetes.version),
        controlPlane: { replicas: request.nodes.controlPlane },
        // A single-node cluster has no worker pool at all rather than an empty one.
        ...(request.nodes.workers > 0
          ? {
              workers: {
                machineDeployments: [
                  {
                    class:
                      profile.spec.provisioner?.workerClass ??
                      DEFAULT_WORKER_CLASS,
                    name: 'md-0',
                    replicas: request.nodes.workers,
                  },
                ],
              },
            }
          : {}),
      },
    },
  };
  assertShape(capiClusterSchema, cluster, file);
  return cluster;
}
