import { fileURLToPath } from 'node:url';

/** The checkout's root (e2e/fuzz/ → ../..). */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where a run writes its reports and service logs (git-ignored, emptied by each run). */
export const resultsDir = fileURLToPath(new URL('../results/fuzz', import.meta.url));
