/* eslint-disable no-restricted-syntax */
// How the demo keeps its dates relative to today: every YYYY-MM-DD in examples/platform-config moves by
// the days between `.demo-anchor` (the day the examples were written) and today. The demo repository
// script applies it; the e2e tests compute expected dates with the same functions, never as literals.
const fs = require('node:fs');
const path = require('node:path');

const DAY = 24 * 60 * 60 * 1000;
const ANCHOR_FILE = path.resolve(
  __dirname,
  '..',
  'examples',
  'platform-config',
  '.demo-anchor',
);

function utcMidnight(date) {
  return Date.parse(`${date.toISOString().slice(0, 10)}T00:00:00Z`);
}

/** Days between the examples' anchor date and `now` (0 without an anchor). */
function demoShiftDays(now = new Date(), anchorFile = ANCHOR_FILE) {
  if (!fs.existsSync(anchorFile)) return 0;
  const anchor = Date.parse(
    `${fs.readFileSync(anchorFile, 'utf8').trim()}T00:00:00Z`,
  );
  return Number.isNaN(anchor) ? 0 : Math.round((utcMidnight(now) - anchor) / DAY);
}

/** One YYYY-MM-DD date moved by `days`. */
function shiftDate(date, days) {
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return date;
  return new Date(time + days * DAY).toISOString().slice(0, 10);
}

/** Every YYYY-MM-DD in a text moved by `days`. */
function shiftDates(text, days) {
  if (days === 0) return text;
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, match => shiftDate(match, days));
}

/** The date the demo shows today for a date written in examples/platform-config. */
function demoDate(exampleDate, now = new Date()) {
  return shiftDate(exampleDate, demoShiftDays(now));
}

module.exports = { demoShiftDays, shiftDate, shiftDates, demoDate };
