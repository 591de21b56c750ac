import type { BackgroundWorker } from '@portfolioos/service-kit';
import type { SigningKeyStore } from './service.js';

/**
 * Re-reads signing keys every minute so a replica picks up a rotation made by another, and rotates when
 * the current key passes its age (initialize() is idempotent and takes the key lock).
 */
export function keyRefreshWorker(keys: SigningKeyStore, intervalMs = 60_000): BackgroundWorker {
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'signing key refresh',
    start: async () => {
      timer = setInterval(() => void keys.initialize().catch(() => undefined), intervalMs);
      timer.unref();
    },
    stop: async () => clearInterval(timer),
  };
}
