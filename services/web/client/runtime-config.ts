import type { RuntimeConfig } from '../src/app-shell/runtime-config.js';

/** The deployment's settings the server put in the shell (src/app-shell/runtime-config.ts). */
export function readRuntimeConfig(): RuntimeConfig {
  const block = document.getElementById('portfolioos-config');
  return block?.textContent ? (JSON.parse(block.textContent) as RuntimeConfig) : { mapStyleUrl: '' };
}
