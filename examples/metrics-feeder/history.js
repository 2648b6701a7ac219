#!/usr/bin/env node
'use strict';
/*
 * DEMO DATA. Writes days of the feeder's series as OpenMetrics text for
 * `promtool tsdb create-blocks-from openmetrics`, so that a store started on the blocks already holds
 * the history a rollout gate judges (soak days): that of every cluster that records when it moved to
 * its profile version (`spec.rollout.versionSince`), from a day before it moved (at most `--days`).
 * Other clusters get no history here: nothing judges days of it, and the fleet's full history would
 * be a gigabyte of text. Remote write cannot do this: Prometheus takes
 * remote-written samples up to about an hour older than its newest one. The history ends where the
 * feeder's own backfill begins, and both are computed from the same functions of time and the same
 * anchor, so they draw one consistent history.
 *
 *   node examples/metrics-feeder/history.js --out FILE [--days 8] [--step 240]
 *        [--end-minutes-ago 56] [--anchor <unix seconds>]
 *        [--scenario examples/metrics-feeder/scenarios/demo.json]
 *        [--platform-config examples/platform-config]
 */
const path = require('node:path');
const fs = require('node:fs');
const { fleetOf, timeseries } = require('./lib/timeseries');

const ROOT = path.resolve(__dirname, '..', '..');

function parseArgs(argv) {
  const args = {
    out: undefined,
    days: 8,
    // below Prometheus' 5 minute lookback, so that every step of a range query finds a sample
    step: 240,
    // the feeder's own backfill starts 55 minutes back (feed.js --backfill-minutes)
    endMinutesAgo: 56,
    anchor: undefined,
    scenario: path.join(__dirname, 'scenarios', 'demo.json'),
    platformConfig: path.join(ROOT, 'examples', 'platform-config'),
  };
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--out') args.out = path.resolve(value());
    else if (arg === '--days') args.days = Number(value());
    else if (arg === '--step') args.step = Number(value());
    else if (arg === '--end-minutes-ago') args.endMinutesAgo = Number(value());
    else if (arg === '--anchor') args.anchor = Number(value());
    else if (arg === '--scenario') args.scenario = path.resolve(value());
    else if (arg === '--platform-config')
      args.platformConfig = path.resolve(value());
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.out) throw new Error('--out FILE is required');
  if (!(args.days > 0 && args.days <= 30))
    throw new Error('--days must be between 1 and 30');
  if (!(args.step >= 10 && args.step < 300))
    throw new Error('--step must be between 10 and 299 (seconds)');
  return args;
}

function escape(value) {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/** One OpenMetrics sample line; no `# TYPE` lines: promtool reads them as unknown-typed samples. */
function line(labels, value, timestamp) {
  const { __name__: name, ...rest } = labels;
  const pairs = Object.entries(rest)
    .map(([key, v]) => `${key}="${escape(v)}"`)
    .join(',');
  return `${name}{${pairs}} ${value} ${timestamp / 1000}\n`;
}

function main() {
  const args = parseArgs(process.argv);
  const scenario = JSON.parse(fs.readFileSync(args.scenario, 'utf8'));
  const clusters = fleetOf(args.platformConfig, args.scenario, scenario);
  const now = Math.floor(Date.now() / 1000);
  const anchor = args.anchor ?? now;
  const end = now - args.endMinutesAgo * 60;
  const earliest = end - Math.round(args.days * 86400);
  const startOf = new Map();
  for (const cluster of clusters) {
    const since = cluster.versionSince
      ? Date.parse(
          /^\d{4}-\d{2}-\d{2}$/.test(cluster.versionSince)
            ? `${cluster.versionSince}T00:00:00Z`
            : cluster.versionSince,
        ) / 1000
      : NaN;
    if (!Number.isNaN(since)) {
      startOf.set(cluster, Math.max(earliest, since - 86400));
    }
  }
  const start = Math.min(end, ...startOf.values());
  const fd = fs.openSync(args.out, 'w');
  let samples = 0;
  try {
    // time-major: every series' samples come out in time order, as promtool needs them
    // counted back from the end, so that the last sample sits where the feeder's backfill begins
    const times = [];
    for (let t = end; t >= start; t -= args.step) times.unshift(t);
    for (const t of times) {
      let chunk = '';
      const due = clusters.filter(c => startOf.has(c) && startOf.get(c) <= t);
      for (const series of timeseries(due, scenario, anchor, [t])) {
        const sample = series.samples[0];
        chunk += line(series.labels, sample.value, sample.timestamp);
        samples++;
      }
      fs.writeSync(fd, chunk);
    }
    fs.writeSync(fd, '# EOF\n');
  } finally {
    fs.closeSync(fd);
  }
  console.log(
    `metrics-feeder history: DEMO DATA, ${samples} samples of ${
      startOf.size
    } clusters (${
      [...startOf.keys()].map(c => c.name).join(', ') ||
      'none recorded when they moved'
    }) -> ${args.out}`,
  );
}

try {
  main();
} catch (error) {
  console.error(`metrics-feeder history: ${error.message}`);
  process.exit(1);
}
