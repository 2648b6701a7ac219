import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import {
  type ClusterEntity,
  type ClusterProfileEntity,
  GOVERNED_NAMESPACE,
  isDns1123Label,
  validateClusterProfile,
  validateGovernedCluster,
} from '@fleet-portal/plugin-fleet-common';
import {
  platformRepoPaths,
  type PlatformRepoWriter,
} from '@fleet-portal/plugin-fleet-node';
import { parseDocument } from 'yaml';
import { editClusterVersion } from './editClusterVersion';
import type { PromotionPlan } from './planPromotion';
import { renderProvisioningFiles } from './renderProvisioning';

/** One cluster of a promotion, as the proposal moves it. */
export type PromotedCluster = {
  name: string;
  entityRef: string;
  /** Its `profileVersion` on the base commit. */
  from: string;
  to: string;
  /** Whether `from` was the profile's version or one of its allowedVersions. */
  versionAllowed: boolean;
  /** The files the proposal changes for it. */
  files: string[];
};

/** The change a promotion proposes, built on one commit of the platform repository. */
export type Promotion = {
  baseCommit: string;
  /** Path → new content: only files whose content changes. */
  files: Record<string, string>;
  /** Path → the blob each file was read as: the commit is refused if one changed meanwhile. */
  expectBlobs: Record<string, string>;
  clusters: PromotedCluster[];
  /** What was left alone and why, in words. */
  notes: string[];
};

/**
 * Builds the proposal of a plan on the tip of the platform repository: for each cluster of the
 * wave, its `cluster.yaml` with `spec.profileVersion` → the target and
 * `spec.rollout.versionSince` → `today` (every other byte kept), and its provisioning files
 * rendered again for the target where they exist and change. The profile is read from the same
 * commit and must be at the target version; each edited entity must still pass the validator the
 * catalog applies.
 *
 * @throws ConflictError when the repository does not hold what the rollout view showed (a cluster
 *   missing or of another profile, the profile at another version); InputError when a file cannot
 *   be edited or rendered
 */
export async function buildPromotion(options: {
  plan: PromotionPlan;
  repository: Pick<PlatformRepoWriter, 'readFiles'>;
  today: string;
  signal?: AbortSignal;
}): Promise<Promotion> {
  const { plan, today } = options;
  for (const cluster of plan.clusters) {
    if (!isDns1123Label(cluster.name)) {
      throw new InputError(
        `The rollout view names a cluster "${cluster.name}" that is not a cluster name`,
      );
    }
  }
  const profilePath = platformRepoPaths.profile(plan.profileName);
  const read = await options.repository.readFiles(
    [
      profilePath,
      ...plan.clusters.flatMap(c => [
        platformRepoPaths.cluster(c.name),
        `${platformRepoPaths.clusterDir(c.name)}/provisioning`,
      ]),
    ],
    { signal: options.signal },
  );
  const profile = readProfile(read.files[profilePath]?.content, profilePath);
  if (profile.spec.version !== plan.targetVersion) {
    throw new ConflictError(
      `${profilePath} is at version ${profile.spec.version} on the platform repository, while the rollout view is of ${plan.targetVersion}: the catalog has not caught up with the repository yet — try again in a minute`,
    );
  }

  const files: Record<string, string> = {};
  const expectBlobs: Record<string, string> = {};
  const clusters: PromotedCluster[] = [];
  const notes: string[] = [];
  for (const planned of plan.clusters) {
    const path = platformRepoPaths.cluster(planned.name);
    const file = read.files[path];
    if (!file) {
      throw new ConflictError(
        `${planned.name} is in the rollout view but ${path} is not in the platform repository; nothing was proposed`,
      );
    }
    const current = readCluster(file.content, path);
    checkSameCluster(current, planned.name, plan.profileRef, path);
    const from = current.spec.profileVersion ?? '';
    if (from === plan.targetVersion) {
      notes.push(
        `${planned.name} is already on ${plan.targetVersion} in the platform repository`,
      );
      continue;
    }
    const edited = editClusterVersion(
      file.content,
      { profileVersion: plan.targetVersion, versionSince: today },
      path,
    );
    const entity = readCluster(edited, path);
    const issues = validateGovernedCluster(entity);
    if (issues.length > 0) {
      throw new InputError(
        `${path} would be invalid after the change: ${issues
          .map(i => i.message)
          .join('; ')}`,
      );
    }
    const changed = [path];
    files[path] = edited;
    expectBlobs[path] = file.blob;

    const provisioningDir = `${platformRepoPaths.clusterDir(
      planned.name,
    )}/provisioning/`;
    const existing = Object.keys(read.files).filter(p =>
      p.startsWith(provisioningDir),
    );
    if (existing.length > 0) {
      const rendered = renderProvisioningFiles({
        cluster: entity,
        profile,
        profileRef: plan.profileRef,
        version: plan.targetVersion,
      });
      for (const [renderedPath, content] of Object.entries(rendered)) {
        const before = read.files[renderedPath];
        if (!before) {
          notes.push(
            `${renderedPath} is not rendered: ${planned.name} has no such file (its provisioning files were not made for this profile's provisioner)`,
          );
        } else if (before.content !== content) {
          files[renderedPath] = content;
          expectBlobs[renderedPath] = before.blob;
          changed.push(renderedPath);
        }
      }
    }
    clusters.push({
      name: planned.name,
      entityRef: planned.entityRef,
      from,
      to: plan.targetVersion,
      versionAllowed: planned.versionAllowed,
      files: changed,
    });
  }
  if (clusters.length === 0) {
    throw new ConflictError(
      `Every cluster of ${plan.wave} is already on ${plan.targetVersion} in the platform repository; the catalog has not caught up yet, so there is nothing to propose`,
    );
  }
  return { baseCommit: read.commit, files, expectBlobs, clusters, notes };
}

function parseYaml(content: string, path: string): any {
  const doc = parseDocument(content, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new InputError(`${path} is not valid YAML`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    throw new InputError(`${path} uses aliases that expand too far`);
  }
}

function readProfile(
  content: string | undefined,
  path: string,
): ClusterProfileEntity {
  if (content === undefined) {
    throw new ConflictError(`${path} is not in the platform repository`);
  }
  const entity = parseYaml(content, path);
  const issues = validateClusterProfile(entity);
  if (issues.length > 0) {
    throw new InputError(
      `${path} is not a valid cluster profile: ${issues
        .map(i => i.message)
        .join('; ')}`,
    );
  }
  return entity as ClusterProfileEntity;
}

function readCluster(content: string, path: string): ClusterEntity {
  const entity = parseYaml(content, path);
  if (!entity || typeof entity !== 'object' || !entity.spec) {
    throw new InputError(`${path} is not a cluster entity`);
  }
  return entity as ClusterEntity;
}

function checkSameCluster(
  entity: ClusterEntity,
  name: string,
  profileRef: string,
  path: string,
) {
  let ref: string | undefined;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(String(entity.spec.profile ?? ''), {
        defaultKind: 'clusterprofile',
        defaultNamespace: GOVERNED_NAMESPACE,
      }),
    );
  } catch {
    ref = undefined;
  }
  if (
    entity.metadata?.name !== name ||
    ref?.toLocaleLowerCase('en-US') !== profileRef.toLocaleLowerCase('en-US')
  ) {
    throw new ConflictError(
      `${path} is not the cluster ${name} of ${profileRef} that the rollout view shows; nothing was proposed`,
    );
  }
}
