#!/usr/bin/env node
/* eslint-disable no-console */
// See demo-platform-repo.sh. Plain Node so it runs before anything is built.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'examples', 'platform-config');
const target = path.resolve(
  process.env.FLEET_DEMO_REPO ?? path.join(root, 'data', 'platform-config.git'),
);
const { demoShiftDays, shiftDates } = require('./demo-dates');

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Fleet Portal demo',
      GIT_AUTHOR_EMAIL: 'demo@fleet-portal.invalid',
      GIT_COMMITTER_NAME: 'Fleet Portal demo',
      GIT_COMMITTER_EMAIL: 'demo@fleet-portal.invalid',
    },
  });
}

function copyShifted(from, to, days) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyShifted(src, dst, days);
    else if (/\.ya?ml$/.test(entry.name))
      fs.writeFileSync(dst, shiftDates(fs.readFileSync(src, 'utf8'), days));
    else fs.copyFileSync(src, dst);
  }
}

function main() {
  if (
    fs.existsSync(path.join(target, 'HEAD')) &&
    process.env.FLEET_RESET_DEMO !== '1'
  ) {
    console.log(`[demo] platform repository kept: ${target}`);
    return;
  }
  if (!fs.existsSync(source)) throw new Error(`no demo data at ${source}`);
  const days = demoShiftDays(new Date(), path.join(source, '.demo-anchor'));

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-demo-'));
  try {
    copyShifted(source, work, days);
    fs.rmSync(path.join(work, '.demo-anchor'), { force: true });
    git(work, 'init', '-q', '-b', 'main');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'Demo platform repository');
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    git(root, 'clone', '-q', '--bare', work, target);
    console.log(
      `[demo] platform repository created: ${target} (dates shifted ${days} days)`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
