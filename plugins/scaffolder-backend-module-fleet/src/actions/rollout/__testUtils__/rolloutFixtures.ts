import fs from 'node:fs';
import path from 'node:path';
import type {
  ClusterEntity,
  ClusterProfileEntity,
  RolloutCluster,
  RolloutGate,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import { parse } from 'yaml';
import { renderProvisioningFiles } from '../renderProvisioning';

const PRODUCTION_PROFILE = path.resolve(
  __dirname,
  '../../../../../../examples/platform-config/profiles/production/profile.yaml',
);

/** The demo's production profile (3.2.0, waves canary → production-east → production-west). */
export function productionProfileYaml(): string {
  return fs.readFileSync(PRODUCTION_PROFILE, 'utf8');
}

function clusterYaml(options: {
  name: string;
  version: string;
  header: string;
  rollout?: string;
  podCidr: string;
}): string {
  return `${options.header}
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${options.name}
  namespace: default
  description: Rollout test cluster # keep me
spec:
  type: kubernetes-cluster
  owner: group:default/team-payments
  lifecycle: production
  purpose: Runs the payments services
  profile: production
  profileVersion: ${options.version} # moved by rollouts
  environment: production
  environmentGroup: production
  region: us-east-1
  network: { podCidr: ${options.podCidr}, serviceCidr: 10.128.0.0/20 }
  lifetime: { class: long-lived, created: "2025-03-03", reviewBy: "2027-03-01" }
  nodes: { controlPlane: 3, workers: 6 }
${options.rollout ?? ''}`;
}

export const CANARY = 'prd-euw1-canary-01';
export const EAST_1 = 'prd-use1-east-01';
export const EAST_2 = 'prd-use1-east-02';
export const WEST = 'prd-euw1-west-01';

/**
 * A platform repository in rollout: production 3.2.0 with the canary on it; production-east next
 * with EAST_1 on 3.1.0 (with provisioning files rendered for 3.1.0, a namespace and a hand-kept
 * file beside them) and EAST_2 on 3.0.0, which the profile no longer allows; WEST behind.
 */
export function rolloutRepositorySeed(): Record<string, string> {
  const profileText = productionProfileYaml();
  const seed: Record<string, string> = {
    'profiles/production/profile.yaml': profileText,
    [`clusters/${CANARY}/cluster.yaml`]: clusterYaml({
      name: CANARY,
      version: '3.2.0',
      header: '# Canary of production.',
      podCidr: '10.64.0.0/16',
      rollout: '  rollout: { wave: canary, versionSince: "2026-11-30" }\n',
    }),
    [`clusters/${EAST_1}/cluster.yaml`]: clusterYaml({
      name: EAST_1,
      version: '3.1.0',
      header:
        '# East coast payments.\n# Owners: team-payments — ask before moving it.',
      podCidr: '10.65.0.0/16',
      rollout: '  rollout:\n    wave: production-east # second wave\n',
    }),
    [`clusters/${EAST_1}/namespaces/payments-api/namespace.yaml`]:
      'kind: Resource\n',
    [`clusters/${EAST_1}/provisioning/README.md`]: 'Kept by hand.\n',
    [`clusters/${EAST_2}/cluster.yaml`]: clusterYaml({
      name: EAST_2,
      version: '3.0.0',
      header: '# Left behind on 3.0.0.',
      podCidr: '10.66.0.0/16',
      rollout: '  rollout: { wave: production-east }\n',
    }),
    [`clusters/${WEST}/cluster.yaml`]: clusterYaml({
      name: WEST,
      version: '3.1.0',
      header: '# West.',
      podCidr: '10.67.0.0/16',
      rollout: '  rollout: { wave: production-west }\n',
    }),
  };
  // EAST_1's provisioning files as rendered for 3.1.0, whose Kubernetes and Cilium were older
  const old = parse(profileText) as ClusterProfileEntity;
  old.spec.version = '3.1.0';
  old.spec.kubernetes.version = '1.30.6';
  old.spec.components = old.spec.components.map(c =>
    c.name === 'cilium' ? { ...c, version: '1.16.1' } : c,
  );
  Object.assign(
    seed,
    renderProvisioningFiles({
      cluster: parse(seed[`clusters/${EAST_1}/cluster.yaml`]) as ClusterEntity,
      profile: old,
      profileRef: 'clusterprofile:default/production',
      version: '3.1.0',
    }),
  );
  return seed;
}

function cluster(
  name: string,
  version: string,
  extra: Partial<RolloutCluster> = {},
): RolloutCluster {
  return {
    entityRef: `resource:default/${name}`,
    name,
    ownerRef: 'group:default/team-payments',
    ownerTitle: 'Payments',
    version,
    onTarget: version === '3.2.0',
    versionAllowed: ['3.2.0', '3.1.0'].includes(version),
    healthNow: 'ok',
    ...extra,
  };
}

/** The canary gate as the fleet backend judges it. */
export function canaryGate(
  verdict: RolloutGate['verdict'] = 'open',
  reason = 'canary: 1 of 1 on 3.2.0, healthy for 6 d of 5 d — open',
): RolloutGate {
  return {
    wave: 'canary',
    verdict,
    reason,
    evidence: {
      wave: 'canary',
      targetVersion: '3.2.0',
      soakDays: 5,
      allowedStatuses: ['ok'],
      clusters: 1,
      onTarget: 1,
      healthyDays: 6,
      leastSoakedCluster: CANARY,
      windowStart: '2026-11-30T00:00:00.000Z',
      windowEnd: '2026-12-06T12:00:00.000Z',
      periods:
        verdict === 'closed'
          ? [
              {
                cluster: CANARY,
                status: 'critical',
                signal: 'apiserver',
                start: '2026-12-03T09:00:00.000Z',
                end: '2026-12-03T11:00:00.000Z',
              },
            ]
          : [],
      signals: ['apiserver', 'nodes'],
      sources: [{ name: 'prometheus', status: 'up' }],
      queries: 2,
      evaluatedAt: '2026-12-06T12:00:00.000Z',
    },
  };
}

/** GET /rollouts/production as the fleet backend answers it for the seeded repository. */
export function rolloutView(gate: RolloutGate = canaryGate()): RolloutView {
  const waves = [
    { name: 'canary', clusters: [cluster(CANARY, '3.2.0')] },
    {
      name: 'production-east',
      clusters: [cluster(EAST_1, '3.1.0'), cluster(EAST_2, '3.0.0')],
    },
    { name: 'production-west', clusters: [cluster(WEST, '3.1.0')] },
    { name: 'unassigned', clusters: [] },
  ].map((wave, position) => ({
    ...wave,
    position,
    total: wave.clusters.length,
    onTarget: wave.clusters.filter(c => c.onTarget).length,
    complete: wave.clusters.every(c => c.onTarget),
    ...(wave.name === 'canary' ? { gate } : {}),
  }));
  const open = gate.verdict === 'open';
  return {
    profileRef: 'clusterprofile:default/production',
    profileName: 'production',
    profileTitle: 'Production',
    targetVersion: '3.2.0',
    allowedVersions: ['3.1.0'],
    waves,
    nextWave: 'production-east',
    gate,
    promotable: open,
    summary: open
      ? `production-east may be promoted: ${gate.reason}`
      : `production-east waits: ${gate.reason}`,
    generatedAt: '2026-12-06T12:00:00.000Z',
  };
}
