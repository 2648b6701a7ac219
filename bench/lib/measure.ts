/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';

export type Timing = { medianMs: number; minMs: number; runs: number };

/** Runs `fn` `runs` times after `warmup` runs and reports the median and minimum wall time. */
export async function time(
  fn: () => unknown | Promise<unknown>,
  { runs = 5, warmup = 1 }: { runs?: number; warmup?: number } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return {
    medianMs: samples[Math.floor(samples.length / 2)],
    minMs: samples[0],
    runs,
  };
}

/**
 * Peak heap growth while `fn` runs, sampled every 5 ms on top of a forced GC (run node with
 * --expose-gc), in MiB. Heap, not RSS: RSS does not shrink between runs in one process.
 */
export async function peakHeapMiB(
  fn: () => unknown | Promise<unknown>,
): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return (peak - base) / 2 ** 20;
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** Prints the results and keeps them as JSON in bench/results/<name>.json (git-ignored). */
export function report(name: string, results: Record<string, unknown>) {
  const out = {
    name,
    date: new Date().toISOString(),
    node: process.version,
    ...results,
  };
  fs.mkdirSync(path.join(__dirname, '..', 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(__dirname, '..', 'results', `${name}.json`),
    `${JSON.stringify(out, null, 2)}\n`,
  );
  console.log(JSON.stringify(out, null, 2));
}
