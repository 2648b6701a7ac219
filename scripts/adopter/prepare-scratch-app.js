#!/usr/bin/env node
/* eslint-disable no-console */
// Turns an app made by @backstage/create-app into one on the newest @backstage release the registry
// has, with the packed Fleet Portal plugins as dependencies and wired into its backend and frontend.
// Usage: prepare-scratch-app.js <repo root> <app dir> <packs dir>
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { promisify } = require('node:util');

const [root, app, packs] = process.argv.slice(2);
const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const BACKEND_FEATURES = [
  '@fleet-portal/plugin-fleet-backend',
  '@fleet-portal/plugin-catalog-backend-module-fleet',
  '@fleet-portal/plugin-catalog-backend-module-fleet-portainer',
  '@fleet-portal/plugin-catalog-backend-module-fleet-kubernetes',
  '@fleet-portal/plugin-scaffolder-backend-module-fleet',
];
const FRONTEND_PLUGIN = '@fleet-portal/plugin-fleet';

async function latestVersions(names) {
  const run = promisify(execFile);
  const versions = {};
  const queue = [...names];
  async function worker() {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const { stdout } = await run('npm', ['view', name, 'dist-tags.latest'], {
        cwd: '/',
      });
      versions[name] = stdout.trim();
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker));
  return versions;
}

function packages() {
  return ['.', 'packages/app', 'packages/backend'].map(dir =>
    path.join(app, dir, 'package.json'),
  );
}

async function main() {
  const manifests = packages().map(file => ({ file, json: readJson(file) }));
  const names = new Set();
  for (const { json } of manifests)
    for (const section of ['dependencies', 'devDependencies'])
      for (const name of Object.keys(json[section] ?? {}))
        if (name.startsWith('@backstage/')) names.add(name);
  const latest = await latestVersions([...names]);
  for (const { json } of manifests)
    for (const section of ['dependencies', 'devDependencies'])
      for (const name of Object.keys(json[section] ?? {}))
        if (latest[name]) json[section][name] = `^${latest[name]}`;

  // Our packs depend on each other by version; point every one at its tarball.
  const ours = {};
  for (const file of fs.readdirSync(packs)) {
    const dir = path.join(root, 'plugins', file.replace(/\.tgz$/, ''));
    ours[readJson(path.join(dir, 'package.json')).name] = `file:${path.join(packs, file)}`;
  }
  const [rootManifest, appManifest, backendManifest] = manifests.map(m => m.json);
  // Only the resolutions that work around platform builds missing from the registry (see
  // shared setup notes) are copied; @backstage ones stay the app's own business.
  const platformResolutions = Object.fromEntries(
    Object.entries(readJson(path.join(root, 'package.json')).resolutions).filter(
      ([name]) => !name.startsWith('@backstage/') && !name.startsWith('@types/'),
    ),
  );
  rootManifest.resolutions = {
    ...rootManifest.resolutions,
    ...platformResolutions,
    ...ours,
  };
  appManifest.dependencies[FRONTEND_PLUGIN] = ours[FRONTEND_PLUGIN];
  for (const name of BACKEND_FEATURES)
    backendManifest.dependencies[name] = ours[name];
  for (const { file, json } of manifests) writeJson(file, json);

  const backendIndex = path.join(app, 'packages/backend/src/index.ts');
  const adds = BACKEND_FEATURES.map(name => `backend.add(import('${name}'));`);
  fs.writeFileSync(
    backendIndex,
    fs
      .readFileSync(backendIndex, 'utf8')
      .replace(
        /\nbackend\.start\(\);/,
        `\n// Fleet Portal\n${adds.join('\n')}\n\nbackend.start();`,
      ),
  );

  const appFile = path.join(app, 'packages/app/src/App.tsx');
  const appSource = fs.readFileSync(appFile, 'utf8');
  if (!/features: \[/.test(appSource)) throw new Error(`unexpected ${appFile}`);
  fs.writeFileSync(
    appFile,
    `import fleetPlugin from '${FRONTEND_PLUGIN}/alpha';\n${appSource.replace(
      'features: [',
      'features: [fleetPlugin, ',
    )}`,
  );

  fs.writeFileSync(
    path.join(app, 'backstage.json'),
    `${JSON.stringify({ version: readJson(path.join(root, 'backstage.json')).version }, null, 2)}\n`,
  );
  console.log(
    `${Object.keys(latest).length} @backstage packages at their newest versions; ${
      Object.keys(ours).length
    } packed plugins added`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
