/** A clock that stands still until told to move: pass `clock.now` wherever a `now: () => Date` is injected. */
export interface FixedClock {
  now: () => Date;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  set(iso: string): void;
}

/** A clock fixed at `iso` (default 2025-01-06 09:00 UTC). */
export function fixedClock(iso = '2025-01-06T09:00:00.000Z'): FixedClock {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
    set(next) {
      t = Date.parse(next);
    },
  };
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
