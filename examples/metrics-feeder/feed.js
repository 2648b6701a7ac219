#!/usr/bin/env node
'use strict';
/*
 * DEMO DATA. Pushes made-up but realistically named series for the demo clusters into a
 * Prometheus-compatible store by remote write, so that Fleet Portal's health views have something
 * to read. Fleet Portal itself never reads this file: it only queries the store.
 *
 *   node examples/metrics-feeder/feed.js [--url http://127.0.0.1:9090/api/v1/write]
 *        [--scenario examples/metrics-feeder/scenarios/demo.json] [--interval 20]
 *        [--platform-config examples/platform-config] [--backfill-minutes 55] [--once]
 *        [--anchor <unix seconds>]
 */
const path = require('node:path');
const fs = require('node:fs');
const { pushTimeseries } = require('prometheus-remote-write');
const { fleetOf, timeseries } = require('./lib/timeseries');

const ROOT = path.resolve(__dirname, '..', '..');

function parseArgs(argv) {
  const args = {
    url: 'http://127.0.0.1:9090/api/v1/write',
    scenario: path.join(__dirname, 'scenarios', 'demo.json'),
    interval: 20,
    platformConfig: path.join(ROOT, 'examples', 'platform-config'),
    backfillMinutes: 55,
    once: false,
    anchor: undefined,
  };
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--url') args.url = value();
    else if (arg === '--scenario') args.scenario = path.resolve(value());
    else if (arg === '--interval') args.interval = Number(value());
    else if (arg === '--platform-config')
      args.platformConfig = path.resolve(value());
    else if (arg === '--backfill-minutes')
      args.backfillMinutes = Number(value());
    else if (arg === '--once') args.once = true;
    else if (arg === '--anchor') args.anchor = Number(value());
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!(args.interval >= 1))
    throw new Error('--interval must be at least 1 (seconds)');
  if (!(args.backfillMinutes >= 0 && args.backfillMinutes <= 59)) {
    // Prometheus takes remote-written samples up to about an hour older than its newest one.
    throw new Error('--backfill-minutes must be between 0 and 59');
  }
  return args;
}

async function push(url, series) {
  const result = await pushTimeseries(series, {
    url,
    fetch: globalThis.fetch,
    timeout: 10_000,
    console: { info() {}, error() {}, warn() {}, log() {} },
  });
  if (result.status < 200 || result.status >= 300) {
    throw new Error(
      `${url} answered ${result.status} ${result.statusText}: ${
        result.errorMessage ?? ''
      }`.trim(),
    );
  }
}

async function main() {
  const args = parseArgs(process.argv);
  const scenario = JSON.parse(fs.readFileSync(args.scenario, 'utf8'));
  const clusters = fleetOf(args.platformConfig, args.scenario, scenario);
  // the time the scenario's problems are fixed to; history.js is given the same one
  const anchor = args.anchor ?? Math.floor(Date.now() / 1000);
  console.log(
    `metrics-feeder: DEMO DATA for ${clusters.length} clusters (${path.relative(
      ROOT,
      args.scenario,
    )}) -> ${args.url}`,
  );

  // History first, so that rates and sparklines have something to show; in time order per series.
  const now = Math.floor(Date.now() / 1000);
  const times = [];
  for (let m = args.backfillMinutes; m >= 1; m--) times.push(now - m * 60);
  times.push(now);
  let pushed = false;
  for (let attempt = 0; !pushed; attempt++) {
    try {
      await push(args.url, timeseries(clusters, scenario, anchor, times));
      pushed = true;
    } catch (error) {
      if (attempt >= 30) throw error;
      // the store may still be starting
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
  console.log(`metrics-feeder: pushed ${times.length} samples per series`);
  if (args.once) return;

  let failing = false;
  setInterval(async () => {
    const t = Math.floor(Date.now() / 1000);
    try {
      await push(args.url, timeseries(clusters, scenario, anchor, [t]));
      if (failing) console.log('metrics-feeder: pushing again');
      failing = false;
    } catch (error) {
      if (!failing)
        console.error(
          `metrics-feeder: push failed, retrying every ${args.interval} s: ${error.message}`,
        );
      failing = true;
    }
  }, args.interval * 1000);
}

main().catch(error => {
  console.error(`metrics-feeder: ${error.message}`);
  process.exit(1);
});
