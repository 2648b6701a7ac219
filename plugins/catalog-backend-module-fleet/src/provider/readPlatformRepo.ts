import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  FleetValidationIssue,
  validateClusterProfile,
  validateGovernedCluster,
  validateTenantNamespace,
} from '@fleet-portal/plugin-fleet-common';
import { InputError } from '@backstage/errors';
import { checkEntityEnvelope } from './entityEnvelope';
import { fieldLine } from './fieldLine';
import { parseEntityYaml } from './parseEntityYaml';
import { checkKubernetesAccess } from './kubernetesAccess';
import { checkRolloutWaves } from './rolloutWaves';
import { yieldEvery } from './yieldEvery';

/** A file of the platform repository, by its path from the repository root. */
export type PlatformRepoFile = { path: string; content: string };

/** Why a file was skipped. */
export type PlatformRepoFileError = {
  path: string;
  line?: number;
  message: string;
};

export type PlatformRepoEntity = { path: string; entity: Entity };

export type PlatformRepoContents = {
  entities: PlatformRepoEntity[];
  errors: PlatformRepoFileError[];
};

type FileRule = {
  pattern: RegExp;
  validate(entity: Entity, dirs: string[]): FleetValidationIssue[];
};

const FILE_RULES: FileRule[] = [
  {
    pattern: /^profiles\/([^/]+)\/profile\.yaml$/,
    validate: (entity, [profile]) => [
      ...validateClusterProfile(entity),
      ...nameIsDirectory(entity, profile),
    ],
  },
  {
    pattern: /^clusters\/([^/]+)\/cluster\.yaml$/,
    validate: (entity, [cluster]) => [
      ...validateGovernedCluster(entity),
      ...nameIsDirectory(entity, cluster),
      ...checkKubernetesAccess(entity),
    ],
  },
  {
    pattern: /^clusters\/([^/]+)\/namespaces\/([^/]+)\/namespace\.yaml$/,
    validate: (entity, [cluster, namespace]) => [
      ...validateTenantNamespace(entity),
      ...namespaceMatchesDirectories(entity, cluster, namespace),
    ],
  },
];

/** Whether the provider reads this path; everything else in the repository is ignored. */
export function isPlatformRepoEntityFile(path: string): boolean {
  return FILE_RULES.some(rule => rule.pattern.test(path));
}

/** `clusters/x/cluster.yaml:12: spec.network.podCidr: ...` */
export function formatFileError(error: PlatformRepoFileError): string {
  const where =
    error.line === undefined ? error.path : `${error.path}:${error.line}`;
  return `${where}: ${error.message}`;
}

/** What one entity file yields: its entity, or why it was skipped. */
export type EntityFileResult =
  | { entity: Entity }
  | { errors: PlatformRepoFileError[] };

/**
 * Turns the entity files of a platform repository into entities. Each recognised file
 * must hold one valid entity; a file that does not parse or validate yields errors
 * (with the line of the offending field where possible) and no entity, without
 * affecting the other files. When two files define the same entity, the first path in
 * sort order wins.
 */
export async function readPlatformRepo(
  files: PlatformRepoFile[],
): Promise<PlatformRepoContents> {
  const recognised = files.filter(file => isPlatformRepoEntityFile(file.path));
  const results: Array<{ path: string; result: EntityFileResult }> = [];
  for (const [index, file] of recognised.entries()) {
    await yieldEvery(index);
    results.push({ path: file.path, result: await readEntityFile(file) });
  }
  return collectEntities(results);
}

/**
 * Combines the results of the files of one commit: the entities, and the errors
 * including those of files that define an entity an earlier path already defines, or a
 * cluster whose wave its profile does not define.
 */
export function collectEntities(
  results: Array<{ path: string; result: EntityFileResult }>,
): PlatformRepoContents {
  const contents: PlatformRepoContents = { entities: [], errors: [] };
  const seen = new Map<string, string>();
  const sorted = [...results].sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const { path, result } of sorted) {
    if ('errors' in result) {
      contents.errors.push(...result.errors);
      continue;
    }
    const ref = stringifyEntityRef(result.entity).toLocaleLowerCase('en-US');
    const first = seen.get(ref);
    if (first) {
      contents.errors.push({
        path,
        line: 1,
        message: `${ref} is already defined in ${first}`,
      });
      continue;
    }
    seen.set(ref, path);
    contents.entities.push({ path, entity: result.entity });
  }
  return checkRolloutWaves(contents);
}

/**
 * Reads one file whose path isPlatformRepoEntityFile accepts. Whatever the file holds,
 * the answer is its entity or why it was skipped: the YAML is read within YAML_LIMITS,
 * and anything that goes wrong while checking it skips this file only.
 */
export async function readEntityFile(
  file: PlatformRepoFile,
): Promise<EntityFileResult> {
  const rule = FILE_RULES.find(r => r.pattern.test(file.path));
  if (!rule) {
    throw new InputError(
      `${file.path} is not a platform repository entity file`,
    );
  }
  const dirs = rule.pattern.exec(file.path)!.slice(1);
  const fail = (message: string, line?: number) => ({
    errors: [{ path: file.path, line, message }],
  });
  const parsed = parseEntityYaml(file.content);
  if ('problem' in parsed) {
    return fail(parsed.problem.message, parsed.problem.line);
  }
  const { data, doc, lineCounter } = parsed;
  if (data === null || data === undefined) {
    return fail('the file holds no entity');
  }
  try {
    const envelopeIssue = await checkEntityEnvelope(data);
    const issues = envelopeIssue
      ? [envelopeIssue]
      : rule.validate(data as Entity, dirs);
    if (issues.length > 0) {
      return {
        errors: issues.map(issue => ({
          path: file.path,
          line: fieldLine(doc, lineCounter, issue.path),
          message: issue.message,
        })),
      };
    }
  } catch (error) {
    return fail(
      `the entity could not be checked: ${
        (error as Error)?.message ?? String(error)
      }`,
      1,
    );
  }
  return { entity: data as Entity };
}

function nameIsDirectory(entity: Entity, directory: string) {
  return entity.metadata.name === directory
    ? []
    : [
        {
          path: 'metadata.name',
          message: `metadata.name: must be ${directory} (the name of its directory), not ${entity.metadata.name}`,
        },
      ];
}

/**
 * spec.cluster and spec.namespace must name the directories the file is in; together
 * with validateTenantNamespace's name rule this makes the entity name
 * `<cluster directory>.<namespace directory>`.
 */
function namespaceMatchesDirectories(
  entity: Entity,
  clusterDirectory: string,
  namespaceDirectory: string,
): FleetValidationIssue[] {
  const { cluster, namespace } = entity.spec ?? {};
  const issues: FleetValidationIssue[] = [];
  if (
    typeof cluster === 'string' &&
    clusterName(entity, cluster) !== clusterDirectory
  ) {
    issues.push({
      path: 'spec.cluster',
      message: `spec.cluster: must be ${clusterDirectory} (the cluster directory the file is in), not ${cluster}`,
    });
  }
  if (typeof namespace === 'string' && namespace !== namespaceDirectory) {
    issues.push({
      path: 'spec.namespace',
      message: `spec.namespace: must be ${namespaceDirectory} (the name of its directory), not ${namespace}`,
    });
  }
  return issues;
}

function clusterName(entity: Entity, ref: string): string | undefined {
  try {
    return parseEntityRef(ref, {
      defaultKind: 'resource',
      defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    }).name;
  } catch {
    return undefined;
  }
}
