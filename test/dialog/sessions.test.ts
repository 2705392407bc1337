import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/file/lowdb-store.ts';
import { createCore } from '../../src/dialog/core.ts';
import { createMemoryStore } from '../../src/store/memory/memory-store.ts';
import { checkoutAnswers, makeCore, realFramework } from '../helpers/dialog-harness.ts';
import { day, fixedClock } from '../helpers/fixed-clock.ts';
import { textOf } from '../helpers/recording-core.ts';
import { said } from '../helpers/turns.ts';

const key = { platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' } as const;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sessions per thread', () => {
  it('resumes an interview after a process restart with the same lowdb directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-dialog-'));
    dirs.push(dir);
    const clock = fixedClock();
    const firstStore = await openLowdbStore(dir);
    const first = await makeCore({ store: firstStore, clock });
    await first.core.handle(said('interview'));
    for (const answer of checkoutAnswers.slice(0, 5)) (await first.core.handle(said(answer))).replies;
    await firstStore.close();

    const secondStore = await openLowdbStore(dir);
    const second = await makeCore({ store: secondStore, clock });
    const again = (await second.core.handle(said('show'))).replies;
    expect(textOf(again)).toContain('readsPerSec = 40,000/s');
    expect(again.at(-1)?.text).toContain('How much higher is the peak');
    for (const answer of checkoutAnswers.slice(5)) (await second.core.handle(said(answer))).replies;
    const design = await secondStore.getDesign(key);
    expect(design?.versions[0]?.requirements).toMatchObject({ name: 'checkout service', writesPerSec: 2000, peakFactor: 3 });
    await secondStore.close();
  });

  it('keeps two interleaved threads apart', async () => {
    const { core, store } = await makeCore();
    const a = { thread: 'A' };
    const b = { thread: 'B' };
    await core.handle(said('interview', 'alice', a));
    await core.handle(said('interview', 'bob', b));
    await core.handle(said('ledger', 'alice', a));
    await core.handle(said('feed', 'bob', b));
    await core.handle(said('financial', 'alice', a));
    await core.handle(said('social', 'bob', b));
    await core.handle(said('assess', 'alice', a));
    const replies = (await core.handle(said('show', 'bob', b))).replies;
    expect(textOf(replies)).toContain('"feed"');
    expect(textOf(replies)).not.toContain('ledger');
    expect((await store.getDesign({ ...key, thread: 'A' }))?.versions[0]?.requirements).toMatchObject({ name: 'ledger', domain: 'financial' });
    expect(await store.getDesign({ ...key, thread: 'B' })).toBeUndefined();
  });

  it('loses neither of two concurrent what-ifs in the same thread', async () => {
    const { core, store } = await makeCore();
    await core.handle(said('interview'));
    for (const answer of checkoutAnswers) await core.handle(said(answer));
    const [one, two] = await Promise.all([
      core.handle(said('set writesPerSec 9k', 'alice')),
      core.handle(said('set readsPerSec 90k', 'bob')),
    ]);
    expect(one.replies.some((r) => r.kind === 'error')).toBe(false);
    expect(two.replies.some((r) => r.kind === 'error')).toBe(false);
    const design = await store.getDesign(key);
    expect(design?.versions).toHaveLength(3);
    expect(design?.versions[2]?.requirements).toMatchObject({ writesPerSec: 9000, readsPerSec: 90000 });
    expect(design?.versions[2]?.answeredBy).toMatchObject({ writesPerSec: 'alice', readsPerSec: 'bob' });
  });

  it('expires an idle interview with a friendly word and keeps the saved design', async () => {
    const clock = fixedClock();
    const { core, store } = await makeCore({ clock });
    await core.handle(said('interview'));
    for (const answer of checkoutAnswers) await core.handle(said(answer));
    await core.handle(said('restart'));
    await core.handle(said('a new idea'));
    clock.advance(8 * day);
    const replies = (await core.handle(said('financial'))).replies;
    expect(replies[0]?.text).toContain('idle for too long');
    expect(replies[0]?.text).toContain('saved design (version 1) is kept');
    expect((await store.getDesign(key))?.versions).toHaveLength(1);
    const skip = (await core.handle(said('skip'))).replies;
    expect(skip[0]?.error?.code).toBe('not_interviewing');
  });

  it('honours a configured session lifetime', async () => {
    const clock = fixedClock();
    const { core } = await makeCore({ clock, sessionTtlMs: 60_000 });
    await core.handle(said('interview'));
    clock.advance(30_000);
    const soon = (await core.handle(said('ledger'))).replies;
    expect(textOf(soon)).toContain('Which domain');
    clock.advance(61_000);
    const late = (await core.handle(said('financial'))).replies;
    expect(late[0]?.text).toContain('idle for too long');
  });

  it('drops session state of an unknown schema version with a friendly message', async () => {
    const { core, store } = await makeCore();
    await store.putSession(key, 0, { schemaVersion: 99, mode: 'time-travel' });
    const replies = (await core.handle(said('interview'))).replies;
    expect(replies[0]?.text).toContain('different version of Quorum');
    expect(replies[1]?.kind).toBe('question');
  });

  it('treats a failing store as an operator fault: logged in full, a calm note for the person, lookups still answered', async () => {
    const errors: unknown[] = [];
    const { store } = await makeCore();
    const broken = { ...store, getSession: async () => { throw new Error('disk on fire at /var/quorum/c-1.json'); } };
    const { core } = await makeCore({ store: broken, errors });
    const replies = (await core.handle(said('design'))).replies;
    expect(replies[0]?.error?.code).toBe('store_unavailable');
    expect(replies[0]?.text).toContain('nothing was lost');
    expect(replies[0]?.text).not.toContain('/var/quorum');
    expect(String(errors[0])).toContain('disk on fire at /var/quorum/c-1.json');
    const lookup = (await core.handle(said('what is CAP?'))).replies;
    expect(lookup[0]?.error).toBeUndefined();
    expect(lookup[0]?.text).toContain('CAP');
  });

  it('turns a bug outside the store into a friendly internal error and logs it', async () => {
    const errors: unknown[] = [];
    const framework = await realFramework();
    const assessor = { ...framework.assessor, assess: async () => { throw new Error('rule engine on fire'); } };
    const core = createCore({ ...framework, assessor, store: createMemoryStore(), log: (err) => errors.push(err) });
    const replies = (await core.handle(said('assess financial, 20k writes/s'))).replies;
    expect(replies[0]?.error?.code).toBe('internal');
    expect(replies[0]?.text).toContain('your design is safe');
    expect(String(errors[0])).toContain('rule engine on fire');
  });
});
