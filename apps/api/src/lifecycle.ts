import type { RunningServer } from './server-lib.js';

/** Logs where the server listens and shuts it down gracefully on SIGINT/SIGTERM (forced after 10 s). */
export async function serveUntilSignalled(running: RunningServer): Promise<void> {
  console.log(`polev API listening on ${running.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      setTimeout(() => process.exit(1), 10_000).unref();
      void running.close().then(() => process.exit(0));
    });
}
