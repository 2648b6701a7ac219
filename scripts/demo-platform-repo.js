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
const DAY = 24 * 60 * 60 * 1000;

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

/** Moves every YYYY-MM-DD in the text by the days between the anchor and today. */
function shiftDates(text, days) {
  if (days === 0) return text;
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, match => {
    const time = Date.parse(`${match}T00:00:00Z`);
    if (Number.isNaN(time)) return match;
    return new Date(time + days * DAY).toISOString().slice(0, 10);
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
  const anchorFile = path.join(source, '.demo-anchor');
  const anchor = fs.existsSync(anchorFile)
    ? Date.parse(`${fs.readFileSync(anchorFile, 'utf8').trim()}T00:00:00Z`)
    : NaN;
  const today = Date.parse(
    `${new Date().toISOString().slice(0, 10)}T00:00:00Z`,
  );
  const days = Number.isNaN(anchor) ? 0 : Math.round((today - anchor) / DAY);

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
