import { inert } from './inert.js';
import type { Io } from './io.js';

/**
 * A one-line progress indicator on stderr, shown only on a terminal and only once the command has
 * been running for more than a second, so quick runs and pipelines stay silent.
 */
export function progress(io: Io, delayMs = 1000): { step: (label: string) => void; done: () => void } {
  if (!io.isTTY) return { step: () => {}, done: () => {} };
  const started = Date.now();
  let label = '';
  let shown = false;
  const show = () => {
    shown = true;
    io.stderr(`\r\x1b[2K… ${label}`);
  };
  const timer = setTimeout(show, delayMs);
  return {
    step: (next) => {
      label = inert(next);
      if (shown || Date.now() - started > delayMs) show();
    },
    done: () => {
      clearTimeout(timer);
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}
