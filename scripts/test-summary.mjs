// The closing summary of `npm test`: one row per step with its time and how busy the machine's CPUs were,
// then the one totals line CI reads, always last.
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

/** Times one step: `run` may be sync or async; the row is recorded whether it passes or throws. */
export async function timeStep(steps, name, run) {
  const started = Date.now();
  const cpuBefore = cpuTimes();
  let ok = false;
  try {
    const result = await run();
    ok = true;
    return result;
  } finally {
    steps.push({ name, seconds: (Date.now() - started) / 1000, ok, busy: busyShare(cpuBefore, cpuTimes()) });
  }
}

// All CPUs' jiffies from /proc/stat's first line (Linux): [busy, total]. What says whether a step is
// bound by the CPU (near 100 %) or waits (on Kafka, Elasticsearch, sleeps) and could run beside another.
function cpuTimes() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const jiffies = fields.map(Number);
    const total = jiffies.reduce((a, b) => a + b, 0);
    const idle = jiffies[3] + (jiffies[4] ?? 0); // idle + iowait
    return [total - idle, total];
  } catch {
    return null;
  }
}

function busyShare(before, after) {
  if (!before || !after || after[1] === before[1]) return null;
  return (after[0] - before[0]) / (after[1] - before[1]);
}

/**
 * Prints the step table (with each project's test run under the test step, and the whole run's time) and,
 * last, the totals of node:test's counters.
 */
export function printSummary(steps, totalSeconds, output, failedSteps) {
  const rows = [
    ...steps.flatMap(({ name, seconds, ok, busy }) => [
      [ok ? name : `${name} (failed)`, seconds, busy],
      ...(name === 'test'
        ? projectTestTimes(output).map(([project, s]) => [`  ${project} (Σ files)`, s])
        : []),
    ]),
    ['total', totalSeconds],
  ];
  const width = Math.max(...rows.map(([name]) => name.length), 'step'.length);
  console.log(`\n${'step'.padEnd(width)}  seconds  cpu busy`);
  for (const [name, seconds, busy] of rows) {
    const share = typeof busy === 'number' ? `${Math.round(busy * 100)} %`.padStart(8) : '';
    console.log(`${name.padEnd(width)}  ${seconds.toFixed(0).padStart(7)}  ${share}`.trimEnd());
  }
  console.log(totalsLine(output, failedSteps));
}

/**
 * [project, seconds]: the sum of each project's top-level test durations (its files run one after
 * another), from node:test's TAP in nx's prefixed, coloured output.
 */
function projectTestTimes(output) {
  const totals = new Map();
  const plain = stripVTControlCharacters(output);
  for (const m of plain.matchAll(/^(@?[\w/.-]+): {3}duration_ms: ([\d.]+)$/gm))
    totals.set(m[1], (totals.get(m[1]) ?? 0) + Number(m[2]) / 1000);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Sums node:test's "# pass N" / "# fail N" lines over all projects into one closing line. */
function totalsLine(output, failedSteps) {
  const sum = (label) =>
    [...output.matchAll(new RegExp(`^.*# ${label} (\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  const passed = sum('pass');
  const failed = sum('fail') + sum('cancelled') + (failedSteps && sum('fail') === 0 ? failedSteps : 0);
  return `\ntests: ${passed} passed, ${failed} failed, ${sum('skipped')} skipped`;
}
