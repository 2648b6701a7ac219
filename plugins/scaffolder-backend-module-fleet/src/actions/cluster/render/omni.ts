import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { fleetLabels, vPrefixed } from './labels';
import { assertShape, kubernetesVersionSchema } from './shapes';
import type { RenderContext } from './types';

// A Sidero Omni cluster template, as documented in Omni's "Cluster Templates" reference: a
// multi-document YAML of a `Cluster` document (name, labels, kubernetes.version, talos.version,
// patches), a `ControlPlane` and `Workers` documents that take machines or a machine class
// (`machineClass: { name, size }`). The pod and service subnets go in as an inline patch of the
// Talos machine configuration (cluster.network.podSubnets / serviceSubnets).
const machineClass = z
  .object({ name: z.string().min(1), size: z.number().int().min(0) })
  .strict();
export const omniClusterSchema = z
  .object({
    kind: z.literal('Cluster'),
    name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
    labels: z.record(z.string(), z.string()).optional(),
    kubernetes: z.object({ version: kubernetesVersionSchema }).strict(),
    talos: z.object({ version: z.string().regex(/^v\d+\.\d+\.\d+$/) }).strict(),
    patches: z
      .array(
        z
          .object({
            name: z.string().min(1),
            inline: z.object({
              cluster: z.object({
                network: z
                  .object({
                    podSubnets: z.array(z.string()).min(1),
                    serviceSubnets: z.array(z.string()).min(1),
                  })
                  .strict(),
              }),
            }),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export const omniControlPlaneSchema = z
  .object({ kind: z.literal('ControlPlane'), machineClass })
  .strict();
export const omniWorkersSchema = z
  .object({ kind: z.literal('Workers'), machineClass })
  .strict();

/** The documents of an Omni cluster template, in order. */
export function renderOmniTemplate(
  context: RenderContext,
  file: string,
): unknown[] {
  const { profile, request } = context;
  const provisioner = profile.spec.provisioner;
  const talosVersion = provisioner?.talosVersion;
  const classes = provisioner?.machineClass;
  if (
    !talosVersion ||
    !classes?.controlPlane ||
    (request.nodes.workers > 0 && !classes.workers)
  ) {
    throw new InputError(
      `profile ${profile.metadata.name} provisions with Omni but does not name the Talos version and machine classes (spec.provisioner.talosVersion, spec.provisioner.machineClass)`,
    );
  }
  const cluster = {
    kind: 'Cluster',
    name: request.name,
    labels: fleetLabels(context),
    kubernetes: { version: vPrefixed(profile.spec.kubernetes.version) },
    talos: { version: vPrefixed(talosVersion) },
    patches: [
      {
        name: 'fleet-portal-cidrs',
        inline: {
          cluster: {
            network: {
              podSubnets: [context.podCidr],
              serviceSubnets: [context.serviceCidr],
            },
          },
        },
      },
    ],
  };
  const controlPlane = {
    kind: 'ControlPlane',
    machineClass: {
      name: classes.controlPlane,
      size: request.nodes.controlPlane,
    },
  };
  assertShape(omniClusterSchema, cluster, `${file} (Cluster)`);
  assertShape(omniControlPlaneSchema, controlPlane, `${file} (ControlPlane)`);
  const documents: unknown[] = [cluster, controlPlane];
  if (request.nodes.workers > 0) {
    const workers = {
      kind: 'Workers',
      machineClass: { name: classes.workers!, size: request.nodes.workers },
    };
    assertShape(omniWorkersSchema, workers, `${file} (Workers)`);
    documents.push(workers);
  }
  return documents;
}
