#!/usr/bin/env node
/* eslint-disable no-console */
// Fails when a Fleet Portal package resolves an @backstage dependency to a copy of its own instead of
// the app's (a nested node_modules/@backstage under one of ours, or under an @backstage package that
// only we pull in). Other duplicates of the app are listed for information.
const fs = require('node:fs');
const path = require('node:path');

const app = process.argv[2];
const versions = new Map(); // name -> Set of "version (where)"
const ourCopies = [];

function record(dir, owner) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    return;
  }
  if (!versions.has(manifest.name)) versions.set(manifest.name, new Set());
  versions.get(manifest.name).add(manifest.version);
  if (owner?.startsWith('@fleet-portal/') && manifest.name.startsWith('@backstage/'))
    ourCopies.push(`${owner} → ${manifest.name}@${manifest.version}`);
}

function walk(modules, owner, depth) {
  if (depth > 8 || !fs.existsSync(modules)) return;
  for (const entry of fs.readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    const scoped = entry.startsWith('@');
    const names = scoped
      ? fs.readdirSync(path.join(modules, entry)).map(n => `${entry}/${n}`)
      : [entry];
    for (const name of names) {
      const dir = path.join(modules, name);
      if (name.startsWith('@backstage/') || name.startsWith('@fleet-portal/'))
        record(dir, owner);
      walk(path.join(dir, 'node_modules'), owner ?? (name.startsWith('@fleet-portal/') ? name : undefined), depth + 1);
    }
  }
}

walk(path.join(app, 'node_modules'), undefined, 0);
for (const workspace of ['packages/app', 'packages/backend'])
  walk(path.join(app, workspace, 'node_modules'), undefined, 1);

const ours = [...versions.keys()].filter(n => n.startsWith('@fleet-portal/'));
console.log(`installed: ${ours.join(', ')}`);
const duplicates = [...versions].filter(
  ([name, set]) => name.startsWith('@backstage/') && set.size > 1,
);
for (const [name, set] of duplicates)
  console.log(`note: the app itself has ${name} in ${[...set].join(' and ')}`);
if (ours.length < 8) {
  console.error(`expected the 8 Fleet Portal packages, found ${ours.length}`);
  process.exit(1);
}
if (ourCopies.length) {
  console.error(`Fleet Portal packages with their own @backstage copies:\n  ${ourCopies.join('\n  ')}`);
  process.exit(1);
}
