import { InputError } from '@backstage/errors';
import type { ClusterRetirementRequest } from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoFile } from '@fleet-portal/plugin-fleet-node';
import { parseDocument } from 'yaml';

/** What a retirement writes: files changed (mark) or removed (remove), each checked against the blob read. */
export type RetirementChange = {
  files: Record<string, string>;
  deletions: string[];
  expectBlobs: Record<string, string>;
};

export const clusterFolder = (name: string) => `clusters/${name}`;
export const clusterFile = (name: string) => `clusters/${name}/cluster.yaml`;

/**
 * The change that retires a cluster, from its files on the main branch. Marking edits only
 * `cluster.yaml` — `spec.lifecycle: deprecated`, `spec.lifetime.retireBy`, and who asked why in
 * `spec.lifetime.retiring` — keeping its comments and layout; removing deletes every file of the
 * cluster's folder (its namespaces and provisioning artefacts included).
 */
export function retirementChange(options: {
  name: string;
  request: Pick<ClusterRetirementRequest, 'mode' | 'retireBy' | 'reason'>;
  requestedBy: string;
  today: string;
  read: Record<string, PlatformRepoFile>;
}): RetirementChange {
  const { name, request, read } = options;
  const path = clusterFile(name);
  const file = read[path];
  if (!file) {
    throw new InputError(
      `cluster: ${path} is not in the platform repository's main branch; the catalog may be behind it`,
    );
  }
  const expectBlobs = Object.fromEntries(
    Object.entries(read).map(([p, f]) => [p, f.blob]),
  );
  if (request.mode === 'remove') {
    return { files: {}, deletions: Object.keys(read).sort(), expectBlobs };
  }
  const doc = parseDocument(file.content);
  if (doc.errors.length > 0 || doc.getIn(['metadata', 'name']) !== name) {
    throw new InputError(
      `cluster: ${path} in the platform repository is not the entity of ${name}; change it by review`,
    );
  }
  doc.setIn(['spec', 'lifecycle'], 'deprecated');
  doc.setIn(['spec', 'lifetime', 'retireBy'], request.retireBy!.trim());
  doc.setIn(
    ['spec', 'lifetime', 'retiring'],
    doc.createNode({
      reason: request.reason.trim(),
      requestedBy: options.requestedBy,
      requestedAt: options.today,
    }),
  );
  return {
    files: { [path]: doc.toString() },
    deletions: [],
    expectBlobs: { [path]: file.blob },
  };
}
