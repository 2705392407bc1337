/**
 * A platform-only port: remembers which platform events were already handled (Slack retries an
 * event it thinks was missed). `claim` is true the first time an id is claimed within `ttlMs`, false after.
 * `release` gives a claim back (the turn saved nothing), so the platform's retry of that event is handled.
 */
export interface EventDedup {
  claim(id: string, ttlMs: number): Promise<boolean>;
  release(id: string): Promise<void>;
}

/** Options for every dedup implementation; `now` is the clock that decides expiry. */
export interface EventDedupOptions {
  now?: () => number;
}
