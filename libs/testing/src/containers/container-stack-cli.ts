// The container stack as a process for `npm test` with PORTFOLIOOS_TEST_STACK=containers: starts it, writes
// the PORTFOLIOOS_TEST_* variables as JSON to the file named by the first argument, and keeps the containers
// until it is sent SIGTERM/SIGINT (or its parent closes stdin).
import { renameSync, writeFileSync } from 'node:fs';
import { startContainerStack } from './container-stack.js';

const envFile = process.argv[2];
if (!envFile) {
  console.error('usage: container-stack-cli <env-file.json>');
  process.exit(2);
}
const containers = await startContainerStack();
// Written whole, then renamed: the parent polls for the file and must never read half of it.
writeFileSync(`${envFile}.tmp`, JSON.stringify(containers.env, null, 2));
renameSync(`${envFile}.tmp`, envFile);
console.log(`container stack up; variables in ${envFile}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await containers.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
