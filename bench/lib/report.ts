import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One measured figure, with the target it is judged against (if any). */
export interface Measurement {
  name: string;
  unit: string;
  value: number;
  /** 'max': lower is better and must stay ≤ target; 'min': higher is better and must reach it. */
  target?: { kind: 'max' | 'min'; value: number };
}

const benchRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Prints this run beside the committed baseline (bench/baselines/<suite>.json) with ratios and
 * target verdicts, and writes the run to bench/results/. `--save-baseline` makes this run the baseline.
 */
export function report(suite: string, measurements: Measurement[], context: Record<string, unknown>): void {
  const baselinePath = join(benchRoot, 'baselines', `${suite}.json`);
  const baseline: Record<string, number> = existsSync(baselinePath)
    ? (JSON.parse(readFileSync(baselinePath, 'utf8')) as { values: Record<string, number> }).values
    : {};
  const rows = measurements.map((m) => {
    const base = baseline[m.name];
    const verdict = !m.target
      ? ''
      : (m.target.kind === 'max' ? m.value <= m.target.value : m.value >= m.target.value)
        ? 'ok'
        : 'MISSED';
    return {
      metric: m.name,
      unit: m.unit,
      'this run': round(m.value),
      baseline: base === undefined ? '—' : round(base),
      'run/baseline': base === undefined ? '—' : `${round(m.value / base)}×`,
      target: m.target ? `${m.target.kind === 'max' ? '≤' : '≥'} ${m.target.value}` : '',
      verdict,
    };
  });
  console.log(`\n${suite} benchmark`, context);
  console.table(rows);
  const values = Object.fromEntries(measurements.map((m) => [m.name, m.value]));
  const record = { suite, at: new Date().toISOString(), context, values };
  mkdirSync(join(benchRoot, 'results'), { recursive: true });
  writeFileSync(join(benchRoot, 'results', `${suite}-${Date.now()}.json`), JSON.stringify(record, null, 2));
  // --save-baseline replaces the baseline; --save-baseline=<name> keeps it and writes baselines/<name>.json
  // (a run whose method changed, committed next to the baseline it is compared with).
  const save = process.argv.find((a) => a === '--save-baseline' || a.startsWith('--save-baseline='));
  if (save) {
    const name = save.includes('=') ? save.slice(save.indexOf('=') + 1) : suite;
    const path = join(benchRoot, 'baselines', `${name}.json`);
    writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`baseline saved to ${path}`);
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
