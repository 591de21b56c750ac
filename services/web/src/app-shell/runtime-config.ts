import { escapeJsonForHtml } from '../shared/escape-json.js';

/** What the client reads at start from the shell (client/runtime-config.ts), set per deployment. */
export interface RuntimeConfig {
  /** Empty: the offline basemap built into the client. */
  mapStyleUrl: string;
}

/** The placeholder in client/index.html that the server replaces with the runtime config. */
export const RUNTIME_CONFIG_PLACEHOLDER = '<!--portfolioos:runtime-config-->';

/** The shell with the deployment's settings as a JSON data block (not a script: CSP has nothing to allow). */
export function withRuntimeConfig(shellHtml: string, config: RuntimeConfig): string {
  if (!shellHtml.includes(RUNTIME_CONFIG_PLACEHOLDER))
    throw new Error(`the client's index.html has no ${RUNTIME_CONFIG_PLACEHOLDER}`);
  const block = `<script type="application/json" id="portfolioos-config">${escapeJsonForHtml(config)}</script>`;
  return shellHtml.replace(RUNTIME_CONFIG_PLACEHOLDER, block);
}
