import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Runs a command with inherited stdio (or captured, when `capture`), failing on a non-zero exit. With
 * `prefix`, every line it prints (stdout and stderr) is printed after that prefix, so a step running beside
 * others stays readable.
 */
export function runStep(title, command, args, { cwd, capture = false, prefix } = {}) {
  console.log(`\n› ${title}${prefix ? ' (beside the next steps)' : ''}`);
  return new Promise((resolve, reject) => {
    const stdio = prefix ? ['ignore', 'pipe', 'pipe'] : capture ? ['ignore', 'pipe', 'inherit'] : 'inherit';
    const child = spawn(command, args, { cwd, stdio });
    let output = '';
    if (prefix) {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          output += `${line}\n`;
          console.log(`${prefix}${line}`);
        });
      }
    } else {
      child.stdout?.on('data', (chunk) => {
        output += chunk;
        process.stdout.write(chunk);
      });
    }
    child.on('error', reject);
    // 'exit', not 'close': a daemon the command starts (the stack's servers) may hold its stdout open for
    // good, so once the command itself is done its pipes are let go.
    child.on('exit', (code, signal) => {
      if (prefix) setImmediate(() => [child.stdout, child.stderr].forEach((stream) => stream?.destroy()));
      if (code === 0) resolve(output);
      else reject(Object.assign(new Error(`${title} failed (${signal ?? `exit ${code}`})`), { output }));
    });
  });
}
