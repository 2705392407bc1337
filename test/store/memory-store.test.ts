import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/memory-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { asStoreUnderTest, describeStoreContract } from './contract.ts';

describeStoreContract('memory', async (clock) => asStoreUnderTest(await openStore('memory:', { now: clock.now })));

describe('memory store', () => {
  it('keeps nothing between two stores', async () => {
    const first = createMemoryStore();
    const key = { platform: 'terminal', workspace: 'local', channel: 'terminal', thread: 'terminal' };
    await first.putSession(key, 0, { step: 1 });
    expect(await createMemoryStore().getSession(key)).toBeUndefined();
    expect((await first.getSession(key))?.version).toBe(1);
  });

  it('refuses to be used after it is closed', async () => {
    const store = createMemoryStore();
    await store.close();
    await expect(store.listDesigns({ platform: 'slack', workspace: 'T', channel: 'C' })).rejects.toThrow(/closed/);
  });
});
