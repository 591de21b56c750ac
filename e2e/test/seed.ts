import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const listingsDir = fileURLToPath(new URL('../../services/listings', import.meta.url));

/** The seed CLI exactly as `npm run seed` starts it (its defaults are the local stack's); its output. */
export async function runDemoSeed(): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=@portfolioos/source', '--import', 'tsx', 'tools/seed/seed-cli.ts'],
    { cwd: listingsDir, timeout: 300_000 },
  );
  return stdout;
}
