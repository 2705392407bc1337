import type { Core } from './dialog/core.ts';
import type { TurnResult } from './dialog/turn-result.ts';
import type { Turn } from './dialog/turn.ts';

/** Counts pieces of work while they run, so shutdown can wait for them. */
export interface WorkCounter {
  /** Runs `work`, counted until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Work started and not yet settled. */
  inFlight(): number;
  /** Resolves true once nothing is in flight, or false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** A core that counts the turns it is working on, so shutdown can wait for them. */
export interface InFlightCore extends Omit<WorkCounter, 'run'> {
  core: Core;
}

/** A fresh counter with nothing in flight. */
export function createWorkCounter(): WorkCounter {
  let running = 0;
  let idle: Array<() => void> = [];
  return {
    async run(work) {
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        if (running === 0) for (const wake of idle.splice(0)) wake();
      }
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

/** Wraps `core` so every `handle` call is counted while it runs. */
export function trackInFlight(core: Core): InFlightCore {
  const turns = createWorkCounter();
  return {
    core: { ...core, handle: (turn: Turn): Promise<TurnResult> => turns.run(() => core.handle(turn)) },
    inFlight: turns.inFlight,
    drain: turns.drain,
  };
}
