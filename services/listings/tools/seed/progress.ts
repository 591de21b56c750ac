import cliProgress from 'cli-progress';

/** A progress bar with rate and ETA, for the long jobs (seeding, draining, indexing). */
export interface Progress {
  update(value: number): void;
  stop(): void;
}

export function startProgress(label: string, total: number, unit: string, initial = 0): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      // Without a terminal (CI, npm start logs) print a line now and then instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, initial, { rate: 0 });
  return {
    update(value) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(value, { rate: seconds > 0 ? Math.round((value - initial) / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}
