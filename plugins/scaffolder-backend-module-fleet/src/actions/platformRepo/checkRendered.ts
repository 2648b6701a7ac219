import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { platformRepoPaths } from '@fleet-portal/plugin-fleet-node';
import { contentDigest, RenderRecord } from '../../integrity/renderRecord';
import type { ChangeMode } from './changeMode';

/** What the propose step received from the template. */
export type ProposedChange = {
  kind: 'namespace' | 'cluster';
  files: Record<string, string>;
  expectAbsent?: string[];
  applyFiles?: string[];
  entityRef?: string;
};

/** What propose writes and applies: exactly what the render step recorded. */
export type CheckedChange = {
  /** The request's folder, ending in `/`. */
  folder: string;
  /** The tenant namespace (namespace requests). */
  namespace?: string;
  /** Every rendered file that is new: none may exist on the base branch. */
  expectAbsent: string[];
  /** Files modified or removed: path → the blob they were rendered from, still on the base. */
  expectBlobs: Record<string, string>;
  /** Files the change removes. */
  deletions: string[];
  operation: 'create' | 'change' | 'decommission';
  applyFiles: string[];
  entityRef: string;
};

/**
 * Checks the files a template hands to propose against the render record of the same task:
 * the same request (kind, cluster, change mode), every path inside the request's folder, and
 * exactly the rendered files with exactly their rendered content. A file the request creates
 * must be absent from the repository; one it modifies or removes (a Day-2 change) must still
 * be the blob it was rendered from.
 */
export function checkRendered(
  change: ProposedChange,
  record: RenderRecord,
  decided: { taskId: string; clusterName: string; mode: ChangeMode },
): CheckedChange {
  if (record.task !== decided.taskId) {
    throw new NotAllowedError(
      'integrity: the render record belongs to another scaffolder task; propose commits only what a render step of the same task produced',
    );
  }
  if (record.kind === 'namespace' && !record.namespace) {
    throw new InputError(
      'integrity: the render record of a namespace request names no namespace',
    );
  }
  if (record.kind !== change.kind) {
    throw new InputError(
      `integrity: the files were rendered for a ${record.kind} request, not a ${change.kind} request`,
    );
  }
  if (record.cluster !== decided.clusterName) {
    throw new InputError(
      `cluster: the files were rendered for cluster ${record.cluster}, not ${decided.clusterName}`,
    );
  }
  if (record.mode !== decided.mode.mode) {
    throw new ConflictError(
      `The change mode of ${decided.clusterName} changed since the request was rendered (now ${decided.mode.mode}: ${decided.mode.reason}); run the request again`,
    );
  }
  const folder = `${
    record.namespace
      ? platformRepoPaths.namespaceDir(record.cluster, record.namespace)
      : platformRepoPaths.clusterDir(record.cluster)
  }/`;
  const extraAbsent = change.expectAbsent ?? [];
  const modified = record.modified ?? {};
  const deleted = record.deleted ?? {};
  for (const file of [
    ...Object.keys(change.files),
    ...extraAbsent,
    ...Object.keys(modified),
    ...Object.keys(deleted),
  ]) {
    if (!file.startsWith(folder) || file.split('/').includes('..')) {
      throw new InputError(
        `files: ${file} is outside ${folder}, the folder of this request`,
      );
    }
  }
  for (const [file, content] of Object.entries(change.files)) {
    const digest = record.files[file];
    if (!digest) {
      throw new InputError(
        `files: ${file} was not rendered for this request; propose commits only the rendered files`,
      );
    }
    if (typeof content !== 'string' || contentDigest(content) !== digest) {
      throw new InputError(
        `files: the content of ${file} differs from what was rendered for this request`,
      );
    }
  }
  for (const file of Object.keys(record.files)) {
    if (!(file in change.files)) {
      throw new InputError(
        `files: ${file} was rendered for this request but is missing`,
      );
    }
  }
  for (const file of change.applyFiles ?? []) {
    if (!record.applyFiles.includes(file)) {
      throw new InputError(
        `applyFiles: ${file} is not a file rendered for applying to the cluster`,
      );
    }
  }
  if (change.entityRef !== undefined && change.entityRef !== record.entityRef) {
    throw new InputError(
      `entityRef: ${change.entityRef} is not the entity rendered for this request (${record.entityRef})`,
    );
  }
  for (const file of Object.keys(modified)) {
    if (!(file in record.files)) {
      throw new InputError(
        `integrity: ${file} is recorded as modified but was not rendered`,
      );
    }
  }
  for (const file of Object.keys(deleted)) {
    if (file in record.files) {
      throw new InputError(
        `integrity: ${file} is recorded as both rendered and removed`,
      );
    }
  }
  return {
    folder,
    namespace: record.namespace,
    expectAbsent: [
      ...new Set([
        ...Object.keys(record.files).filter(file => !(file in modified)),
        ...extraAbsent,
      ]),
    ].sort(),
    expectBlobs: { ...modified, ...deleted },
    deletions: Object.keys(deleted).sort(),
    operation: record.operation ?? 'create',
    applyFiles: record.applyFiles,
    entityRef: record.entityRef,
  };
}
