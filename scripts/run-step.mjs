import { spawn } from 'node:child_process';

/** Runs a command with inherited stdio (or captured, when `capture`), failing on a non-zero exit. */
export function runStep(title, command, args, { cwd, capture = false } = {}) {
  console.log(`\n› ${title}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`${title} failed (${signal ?? `exit ${code}`})`), { output }));
    });
  });
}
