'use strict';
/**
 * The cells of the quarterly study from either side of the experience-study benchmarks, in one
 * shape: key `product|channel|period` → [days, lapses, deaths]. `awb backtest --json` gives
 * exposure in policy-years (days ÷ days of the year) and A/E cells per indicator; the naive query
 * gives days and counts.
 */
function daysInYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

function backtestCells(stdout) {
  const json = JSON.parse(stdout);
  const cells = {};
  for (const c of json.cells) {
    if (c.indicator !== 'lapse' && c.indicator !== 'death') continue;
    const key = `${c.product_code}|${c.channel}|${c.period}`;
    const cell = (cells[key] ??= [0, 0, 0]);
    if (c.indicator === 'lapse') {
      cell[0] = Math.round(c.exposure * daysInYear(Number(c.period.slice(0, 4))));
      cell[1] = c.actual;
    } else cell[2] = c.actual;
  }
  return cells;
}

function naiveCells(stdout) {
  const cells = {};
  for (const line of stdout.trim().split('\n')) {
    const [product, channel, period, days, lapses, deaths] = JSON.parse(line);
    cells[`${product}|${channel}|${period}`] = [days, lapses, deaths];
  }
  return cells;
}

/** Null when both sides give the same cells, else what differs. */
function sameStudy(candidate, baseline) {
  const a = Object.keys(candidate).sort();
  const b = Object.keys(baseline).sort();
  if (a.length !== b.length) return `${a.length} cells vs ${b.length}`;
  for (const key of a) {
    const x = candidate[key];
    const y = baseline[key];
    if (!y) return `cell ${key} missing from the baseline`;
    if (x[0] !== y[0] || x[1] !== y[1] || x[2] !== y[2]) return `cell ${key}: ${x.join('/')} vs ${y.join('/')} (days/lapses/deaths)`;
  }
  return null;
}

module.exports = { backtestCells, naiveCells, sameStudy };
