import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/dialog/core.ts';
import type { DesignStore } from '../../src/dialog/ports/design-store.ts';
import { realFramework } from '../helpers/dialog-harness.ts';
import { fixedClock } from '../helpers/fixed-clock.ts';
import { said } from '../helpers/turns.ts';
import { createMemoryStore } from '../../src/store/memory/memory-store.ts';

/** A store that froze: every call waits forever (a database that accepts connections and never answers). */
function frozen(store: DesignStore): DesignStore {
  return new Proxy(store, { get: (target, name) => (name === 'close' ? target.close.bind(target) : () => new Promise(() => {})) });
}

describe('the per-turn time budget', () => {
  it('answers "that took too long" when the store never answers, instead of leaving the person waiting', async () => {
    const clock = fixedClock();
    const core = createCore({ ...(await realFramework()), store: frozen(createMemoryStore({ now: clock.now })), now: clock.now, turnBudgetMs: 50, log: () => {} });
    const { replies } = await core.handle(said('set writesPerSec 20k'));
    expect(replies).toHaveLength(1);
    expect(replies[0]!.error?.code).toBe('too_slow');
    expect(replies[0]!.text).toMatch(/too long/);
  });

  it('leaves a turn that finishes within the budget as it is', async () => {
    const clock = fixedClock();
    const core = createCore({ ...(await realFramework()), store: createMemoryStore({ now: clock.now }), now: clock.now, turnBudgetMs: 60_000, log: () => {} });
    const { replies } = await core.handle(said('show P5'));
    expect(replies.some((r) => r.error)).toBe(false);
  });
});
