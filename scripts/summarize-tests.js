#!/usr/bin/env node
/* eslint-disable no-console */
// Reads jest's and Playwright's JSON reports (the e2e suite and the multi-replica tests) and prints
// the closing line "N passed, N failed".
// A suite that did not produce its report counts as one failure, so a crash can never read as green.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const read = name => {
  const file = path.join(dir, name);
  return fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf8'))
    : undefined;
};

let passed = 0;
let failed = 0;
let skipped = 0;
const expectUnit = fs.existsSync(path.join(dir, 'jest.log'));
const expectE2e =
  fs.existsSync(path.join(dir, 'e2e.log')) ||
  fs.existsSync(path.join(dir, 'e2e-build-failed.json'));

const jest = read('jest.json');
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  skipped += jest.numPendingTests + jest.numTodoTests;
  // a suite that fails to load (syntax error, missing module) has no failing test but must count
  failed += jest.testResults.filter(
    r => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
} else if (expectUnit) {
  console.log('jest produced no report');
  failed += 1;
}

/** Adds a Playwright JSON report; a run that was expected but left none counts as one failure. */
function addPlaywright(report, expected, what) {
  if (report) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
    failed += (report.errors ?? []).length;
  } else if (expected) {
    console.log(`${what} produced no report`);
    failed += 1;
  }
}
addPlaywright(read('playwright.json'), expectE2e, 'the e2e suite');
addPlaywright(
  read('replicas.json'),
  fs.existsSync(path.join(dir, 'replicas.log')),
  'the multi-replica tests',
);

// the adopter install check (scripts/check-adopter-install.sh) ends with its own "N passed, N failed"
const adopterLog = path.join(dir, 'adopter.log');
if (fs.existsSync(adopterLog)) {
  const lines = fs.readFileSync(adopterLog, 'utf8').trim().split('\n');
  const closing = lines
    .reverse()
    .map(line => /^(\d+) passed, (\d+) failed$/.exec(line.trim()))
    .find(Boolean);
  if (closing) {
    passed += Number(closing[1]);
    failed += Number(closing[2]);
  } else {
    console.log('the adopter install check ended without its closing line');
    failed += 1;
  }
}

console.log(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
