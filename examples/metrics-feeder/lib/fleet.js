'use strict';
// Reads the demo clusters (and their profiles' Kubernetes pins) from a platform repository checkout.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

function readYaml(file) {
  return YAML.parse(fs.readFileSync(file, 'utf8'));
}

/** The profiles' components by profile name: Kubernetes version and the role -> component name map. */
function readProfiles(platformDir) {
  const profiles = new Map();
  const dir = path.join(platformDir, 'profiles');
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name, 'profile.yaml');
    if (!fs.existsSync(file)) continue;
    const profile = readYaml(file);
    const spec = profile.spec ?? {};
    const roles = {};
    for (const component of spec.components ?? []) {
      roles[component.role] = component.name;
    }
    profiles.set(profile.metadata?.name ?? name, {
      kubernetesVersion: spec.kubernetes?.version,
      roles,
    });
  }
  return profiles;
}

/**
 * Every cluster of the platform repository as the feeder needs it: the labels every series carries
 * and the shape (nodes, components) its series follow.
 */
function readClusters(platformDir) {
  const profiles = readProfiles(platformDir);
  const dir = path.join(platformDir, 'clusters');
  return fs
    .readdirSync(dir)
    .filter(name => fs.existsSync(path.join(dir, name, 'cluster.yaml')))
    .sort()
    .map(name => {
      const entity = readYaml(path.join(dir, name, 'cluster.yaml'));
      const spec = entity.spec ?? {};
      const profile = profiles.get(spec.profile) ?? { roles: {} };
      return {
        name: entity.metadata.name,
        environment: spec.environment ?? 'unknown',
        // clusters without a site run in a cloud region
        site: spec.site ?? spec.region ?? 'unknown',
        platformVersion: spec.profileVersion ?? 'unknown',
        kubernetesVersion: profile.kubernetesVersion ?? '1.31.4',
        controlPlane: spec.nodes?.controlPlane ?? 3,
        workers: spec.nodes?.workers ?? 3,
        roles: profile.roles,
        // when the cluster moved to its profile version (a rollout promoted it), if recorded
        versionSince: spec.rollout?.versionSince,
      };
    });
}

module.exports = { readClusters };
