import { describe, expect, it } from 'vitest';
import type { DesignStore } from '../../src/dialog/ports/design-store.ts';
import { createMemoryStore } from '../../src/store/memory/memory-store.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { fixedClock } from '../helpers/fixed-clock.ts';
import { said } from '../helpers/turns.ts';

/** A real memory store whose session writes fail while `failing.sessions` is true (a disk that filled up). */
function withFailingSessionWrites(store: DesignStore) {
  const failing = { sessions: false };
  const wrapped: DesignStore = new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'putSession' && failing.sessions) return () => Promise.reject(new Error('ENOSPC: no space left on device'));
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { wrapped, failing };
}

async function setUp() {
  const clock = fixedClock();
  const { wrapped, failing } = withFailingSessionWrites(createMemoryStore({ now: clock.now }));
  const { core } = await makeCore({ store: wrapped, clock, errors: [] });
  await core.handle(said('set writesPerSec 10'));
  await core.handle(said('assess'));
  failing.sessions = true;
  return { core, store: wrapped };
}

describe('a turn whose session cannot be written', () => {
  it('still answers show, history, designs and lookups in a thread that has a session and a design', async () => {
    const { core } = await setUp();
    for (const command of ['show', 'history', 'designs', 'lookup cap', 'show P5', 'what is a saga?']) {
      const { replies } = await core.handle(said(command));
      expect({ command, errors: replies.filter((r) => r.error).map((r) => r.text) }).toEqual({ command, errors: [] });
      expect(replies.length).toBeGreaterThan(0);
    }
  });

  it('confirms a version it did save, and says the conversation may repeat, instead of calling the save failed', async () => {
    const { core, store } = await setUp();
    const { replies } = await core.handle(said('set writesPerSec 20'));
    expect(replies.some((r) => r.error)).toBe(false);
    expect(replies.find((r) => r.design)?.design?.version).toBe(2);
    expect(replies.at(-1)?.text).toMatch(/design is saved/);
    const design = await store.getDesign({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' });
    expect(design?.versions.map((v) => v.requirements.writesPerSec)).toEqual([10, 20]);
  });

  it('says "I couldn\'t save that; nothing changed — try again" when the change lived only in the session', async () => {
    const { core, store } = await setUp();
    const key = { platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' };
    const before = await store.getSession(key);
    const { replies } = await core.handle(said('design'));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.error?.code).toBe('store_unavailable');
    expect(replies[0]?.text).toMatch(/^I couldn't save that; nothing changed — try again/);
    expect(replies[0]?.text).not.toMatch(/ENOSPC|device/);
    expect(await store.getSession(key)).toEqual(before);
  });
});
