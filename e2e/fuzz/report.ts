import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repositoryRoot } from './paths.js';
import type { FuzzBudget } from './schemathesis.js';

/** What one schemathesis run (one service, one caller) found, from its JSON run report. */
export interface RunSummary {
  service: string;
  role: string;
  operations: number;
  examples: number;
  /** Distinct failures plus errors (an operation schemathesis could not test counts as a failure). */
  failures: number;
  /** Operations failing each check, e.g. `ST105 Undocumented Content-Type` → 20. */
  byCheck: Record<string, number>;
  seconds: number;
  report: string;
}

interface JsonRunReport {
  operations: { total: number; tested: number };
  test_cases: { generated: number; unique_failures: number };
  failures: { code: string; title: string; operations: string[] }[];
  errors: unknown[];
}

/** Reads the JSON run report schemathesis wrote (`--report json`). */
export function summarizeReport(service: string, role: string, report: string, seconds: number): RunSummary {
  const data = JSON.parse(readFileSync(report, 'utf8')) as JsonRunReport;
  const byCheck: Record<string, number> = {};
  for (const failure of data.failures)
    byCheck[`${failure.code} ${failure.title}`] = failure.operations.length;
  if (data.errors.length > 0) byCheck['errors (operations schemathesis could not test)'] = data.errors.length;
  return {
    service,
    role,
    operations: data.operations.tested,
    examples: data.test_cases.generated,
    failures: data.test_cases.unique_failures + data.errors.length,
    byCheck,
    seconds,
    report,
  };
}

/** The closing table: one line per service and caller, then the failing checks, and where the reports are. */
export function printSummary(runs: RunSummary[], dir: string, seconds: number, budget: FuzzBudget): void {
  console.log(
    `\nfuzz: schemathesis --checks all, seed ${budget.seed}, max ${budget.maxExamples} examples per ` +
      `operation and phase, ${budget.workers} workers`,
  );
  console.log(['service', 'caller', 'operations', 'cases', 'failures', 'seconds'].join('\t'));
  for (const run of runs) {
    console.log(
      [run.service, run.role, run.operations, run.examples, run.failures, run.seconds.toFixed(1)].join('\t'),
    );
    for (const [check, operations] of Object.entries(run.byCheck))
      console.log(`\t  ${check}: ${operations} operation${operations === 1 ? '' : 's'}`);
  }
  const failed = runs.filter((run) => run.failures > 0).length;
  console.log(
    `fuzz: ${runs.length - failed} passed, ${failed} failed (runs) in ${seconds.toFixed(0)} s; ` +
      `reports (report.json, console.txt with curl reproductions) in ${relative(repositoryRoot, dir)}/<service>/<caller>/`,
  );
}
