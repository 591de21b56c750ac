// The closing summary of `npm test`: one row per step with its time, then the one totals line CI reads,
// always last.

/** Times one step: `run` may be sync or async; the row is recorded whether it passes or throws. */
export async function timeStep(steps, name, run) {
  const started = Date.now();
  let ok = false;
  try {
    const result = await run();
    ok = true;
    return result;
  } finally {
    steps.push({ name, seconds: (Date.now() - started) / 1000, ok });
  }
}

/**
 * Prints the step table (with each project's test run under the test step, and the whole run's time) and,
 * last, the totals of node:test's counters.
 */
export function printSummary(steps, totalSeconds, output, failedSteps) {
  const rows = [
    ...steps.flatMap(({ name, seconds, ok }) => [
      [ok ? name : `${name} (failed)`, seconds],
      ...(name === 'test' ? projectTestTimes(output).map(([project, s]) => [`  ${project}`, s]) : []),
    ]),
    ['total', totalSeconds],
  ];
  const width = Math.max(...rows.map(([name]) => name.length), 'step'.length);
  console.log(`\n${'step'.padEnd(width)}  seconds`);
  for (const [name, seconds] of rows) console.log(`${name.padEnd(width)}  ${seconds.toFixed(0).padStart(7)}`);
  console.log(totalsLine(output, failedSteps));
}

/** [project, seconds] of each project's node --test run, from its closing "# duration_ms" in nx's output. */
function projectTestTimes(output) {
  return [...output.matchAll(/^(\S+): # duration_ms ([\d.]+)$/gm)]
    .map((m) => [m[1], Number(m[2]) / 1000])
    .sort((a, b) => b[1] - a[1]);
}

/** Sums node:test's "# pass N" / "# fail N" lines over all projects into one closing line. */
function totalsLine(output, failedSteps) {
  const sum = (label) =>
    [...output.matchAll(new RegExp(`^.*# ${label} (\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
  const passed = sum('pass');
  const failed = sum('fail') + sum('cancelled') + (failedSteps && sum('fail') === 0 ? failedSteps : 0);
  return `\ntests: ${passed} passed, ${failed} failed, ${sum('skipped')} skipped`;
}
