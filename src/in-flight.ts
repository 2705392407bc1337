import type { Core } from './dialog/core.ts';
import type { TurnResult } from './dialog/turn-result.ts';
import type { Turn } from './dialog/turn.ts';

/** A core that counts the turns it is working on, so shutdown can wait for them. */
export interface InFlightCore {
  core: Core;
  /** Turns started and not yet answered. */
  inFlight(): number;
  /** Resolves true once no turn is in flight, or false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Wraps `core` so every `handle` call is counted while it runs. */
export function trackInFlight(core: Core): InFlightCore {
  let running = 0;
  let idle: Array<() => void> = [];

  const finished = () => {
    running -= 1;
    if (running === 0) for (const wake of idle.splice(0)) wake();
  };

  return {
    core: {
      async handle(turn: Turn): Promise<TurnResult> {
        running += 1;
        try {
          return await core.handle(turn);
        } finally {
          finished();
        }
      },
    },
    inFlight: () => running,
    drain(timeoutMs) {
      if (running === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          idle = idle.filter((w) => w !== wake);
          resolve(false);
        }, timeoutMs);
        idle.push(wake);
      });
    },
  };
}
