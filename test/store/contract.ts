import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/errors.ts';
import { StaleWriteError } from '../../src/dialog/ports/design-store.ts';
import type { DesignStore, ThreadKey } from '../../src/dialog/ports/design-store.ts';
import type { EventDedup } from '../../src/dialog/ports/event-dedup.ts';
import type { InstallationRepo } from '../../src/dialog/ports/installation-repo.ts';
import type { OpenedStore } from '../../src/store/opened-store.ts';
import { sampleAssessment, sampleVersion } from './sample-version.ts';
import { emptyPlan } from '../../src/dialog/plan/plan-record.ts';

/** A store with the side ports the Slack adapter uses, as the contract suite exercises it. */
export type StoreUnderTest = DesignStore & { dedup: EventDedup; installations: InstallationRepo };

/** Flattens what `openStore` returns into the shape the contract suite drives. */
export function asStoreUnderTest(opened: OpenedStore): StoreUnderTest {
  const d = opened.designs;
  return {
    getDesign: (key) => d.getDesign(key),
    saveVersion: (key, expected, version, title) => d.saveVersion(key, expected, version, title),
    setTitle: (key, title) => d.setTitle(key, title),
    savePlan: (key, designId, expected, plan) => d.savePlan(key, designId, expected, plan),
    deleteDesign: (key) => d.deleteDesign(key),
    listDesigns: (channel) => d.listDesigns(channel),
    listUserDesigns: (platform, workspace, user, limit) => d.listUserDesigns(platform, workspace, user, limit),
    getSession: (key) => d.getSession(key),
    putSession: (key, expected, state) => d.putSession(key, expected, state),
    deleteSession: (key) => d.deleteSession(key),
    workspaceContents: (platform, workspace) => d.workspaceContents(platform, workspace),
    deleteWorkspace: (platform, workspace) => d.deleteWorkspace(platform, workspace),
    close: () => opened.close(),
    dedup: opened.dedup,
    installations: opened.installations,
  };
}

/** A clock the suite moves by hand; stores under test must read time only through it. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

const emptyAssessment = sampleAssessment([{ id: 'DurableWrite', reasons: ['writesPerSec was given'], need: 'essential' }]);

function thread(overrides: Partial<ThreadKey> = {}): ThreadKey {
  return { platform: 'slack', workspace: 'T1', channel: 'C1', thread: '1700000000.0001', ...overrides };
}

/**
 * The behaviour every DesignStore must have, run against each implementation
 * (memory, lowdb, and later Postgres). `makeStore` gets a fresh, empty store on the given clock.
 */
export function describeStoreContract(name: string, makeStore: (clock: TestClock) => Promise<StoreUnderTest>): void {
  describe(`${name} store contract`, () => {
    let time = Date.parse('2025-01-01T00:00:00Z');
    const clock: TestClock = {
      now: () => new Date(time),
      advance: (ms) => {
        time += ms;
      },
    };
    const version = (savedBy: string, cause: string, requirements: Record<string, unknown> = { writesPerSec: 100 }) => {
      clock.advance(1000);
      return sampleVersion(savedBy, { requirements, assessment: emptyAssessment, savedAt: clock.now().toISOString(), cause });
    };
    const withStore = (test: (store: StoreUnderTest) => Promise<void>) => async () => {
      const store = await makeStore(clock);
      try {
        await test(store);
      } finally {
        await store.close();
      }
    };

    it('has no design and no session for a thread nobody used', withStore(async (store) => {
      expect(await store.getDesign(thread())).toBeUndefined();
      expect(await store.getSession(thread())).toBeUndefined();
      expect(await store.listDesigns(thread())).toEqual([]);
    }));

    it('creates a design with a short id on the first save and numbers versions from 1', withStore(async (store) => {
      const first = await store.saveVersion(thread(), 0, version('U1', 'interview', { name: 'Payments ledger', writesPerSec: 500 }));
      expect(first.id).toMatch(/^d-[0-9a-z]{8}$/);
      expect(first.title).toBe('Payments ledger');
      expect(first.key).toEqual(thread());
      expect(first.versions.map((v) => v.version)).toEqual([1]);
      const second = await store.saveVersion(thread(), 1, version('U2', 'set writesPerSec 40000', { writesPerSec: 40000 }));
      expect(second.id).toBe(first.id);
      expect(second.versions.map((v) => v.version)).toEqual([1, 2]);
      expect(second.createdAt).toBe(first.createdAt);
      expect(second.updatedAt).toBe(second.versions[1]!.savedAt);
      expect(await store.getDesign(thread())).toEqual(second);
    }));

    it('keeps the whole history in order, each version unchanged', withStore(async (store) => {
      const causes = ['interview', 'set writesPerSec 40000', 'set availability 0.9999', 'assess'];
      for (const [i, cause] of causes.entries()) await store.saveVersion(thread(), i, version('U1', cause, { writesPerSec: i }));
      const design = await store.getDesign(thread());
      expect(design?.versions.map((v) => [v.version, v.cause, v.requirements.writesPerSec])).toEqual([
        [1, 'interview', 0],
        [2, 'set writesPerSec 40000', 1],
        [3, 'set availability 0.9999', 2],
        [4, 'assess', 3],
      ]);
      expect(design?.versions[0]?.assessment).toEqual(emptyAssessment);
      expect(design?.versions[0]?.answeredBy).toEqual({ writesPerSec: 'U1' });
    }));

    it('refuses a save based on an old version and changes nothing', withStore(async (store) => {
      await store.saveVersion(thread(), 0, version('U1', 'interview'));
      const before = await store.saveVersion(thread(), 1, version('U1', 'assess'));
      for (const expected of [0, 1, 3]) {
        const attempt = store.saveVersion(thread(), expected, version('U2', 'stale'), 'Renamed');
        await expect(attempt).rejects.toBeInstanceOf(StaleWriteError);
        await expect(attempt).rejects.toMatchObject({ expected, actual: 2 });
      }
      expect(await store.getDesign(thread())).toEqual(before);
      expect((await store.listUserDesigns('slack', 'T1', 'U2', 10)).map((d) => d.id)).toEqual([]);
    }));

    it('lets exactly one of two concurrent saves win, and the loser succeeds after re-reading', withStore(async (store) => {
      await store.saveVersion(thread(), 0, version('U1', 'interview'));
      const attempts = await Promise.allSettled([
        store.saveVersion(thread(), 1, version('alice', 'set writesPerSec 1000', { writesPerSec: 1000 })),
        store.saveVersion(thread(), 1, version('bob', 'set readsPerSec 9000', { readsPerSec: 9000 })),
      ]);
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const lost = attempts.findIndex((a) => a.status === 'rejected');
      expect((attempts[lost] as PromiseRejectedResult).reason).toBeInstanceOf(StaleWriteError);
      const latest = await store.getDesign(thread());
      expect(latest?.versions).toHaveLength(2);
      const retry = lost === 0
        ? version('alice', 'set writesPerSec 1000', { ...latest!.versions[1]!.requirements, writesPerSec: 1000 })
        : version('bob', 'set readsPerSec 9000', { ...latest!.versions[1]!.requirements, readsPerSec: 9000 });
      const final = await store.saveVersion(thread(), 2, retry);
      expect(final.versions.at(-1)?.requirements).toEqual({ writesPerSec: 1000, readsPerSec: 9000 });
    }));

    it('hands out copies or frozen versions, so changing a returned or saved object does not change the store', withStore(async (store) => {
      const input = version('U1', 'interview', { writesPerSec: 5 });
      const saved = await store.saveVersion(thread(), 0, input);
      input.requirements.writesPerSec = 99;
      saved.title = 'mutated';
      // A store may share saved versions, frozen (they never change), instead of copying the whole history.
      try {
        saved.versions[0]!.cause = 'mutated';
      } catch (err) {
        expect(err).toBeInstanceOf(TypeError);
      }
      const fetched = await store.getDesign(thread());
      fetched!.versions.push(fetched!.versions[0]!);
      const again = await store.getDesign(thread());
      expect(again?.title).toBe('Untitled design');
      expect(again?.versions).toHaveLength(1);
      expect(again?.versions[0]?.cause).toBe('interview');
      expect(again?.versions[0]?.requirements.writesPerSec).toBe(5);
    }));

    it('sets the title from a save or from setTitle, and refuses to rename a missing design', withStore(async (store) => {
      expect((await store.saveVersion(thread(), 0, version('U1', 'interview'), 'Checkout')).title).toBe('Checkout');
      expect((await store.saveVersion(thread(), 1, version('U1', 'assess'))).title).toBe('Checkout');
      const renamed = await store.setTitle(thread(), 'Checkout v2');
      expect(renamed.title).toBe('Checkout v2');
      expect((await store.getDesign(thread()))?.title).toBe('Checkout v2');
      expect(renamed.versions).toHaveLength(2);
      const missing = store.setTitle(thread({ thread: 'nobody-here' }), 'x');
      await expect(missing).rejects.toSatisfy((err) => isUserError(err) && err.code === 'design_not_found');
    }));

    it('deletes a design so the thread can start a new one with a new id', withStore(async (store) => {
      const old = await store.saveVersion(thread(), 0, version('U1', 'interview'));
      await store.saveVersion(thread({ thread: 'other' }), 0, version('U1', 'interview'));
      expect(await store.deleteDesign(thread())).toBe(true);
      expect(await store.deleteDesign(thread())).toBe(false);
      expect(await store.getDesign(thread())).toBeUndefined();
      await expect(store.saveVersion(thread(), 1, version('U1', 'assess'))).rejects.toBeInstanceOf(StaleWriteError);
      const fresh = await store.saveVersion(thread(), 0, version('U1', 'interview'));
      expect(fresh.id).not.toBe(old.id);
      expect(fresh.versions.map((v) => v.version)).toEqual([1]);
      expect(await store.getDesign(thread({ thread: 'other' }))).toBeDefined();
    }));

    it('versions sessions optimistically and forgets them on delete', withStore(async (store) => {
      expect(await store.putSession(thread(), 0, { step: 'domain' })).toBe(1);
      expect(await store.putSession(thread(), 1, { step: 'writes', answers: { domain: 'financial' } })).toBe(2);
      const session = await store.getSession(thread());
      expect(session).toMatchObject({ version: 2, state: { step: 'writes', answers: { domain: 'financial' } } });
      expect(session?.updatedAt).toBe(clock.now().toISOString());
      await expect(store.putSession(thread(), 1, { step: 'stale' })).rejects.toBeInstanceOf(StaleWriteError);
      await expect(store.putSession(thread(), 0, { step: 'stale' })).rejects.toMatchObject({ expected: 0, actual: 2 });
      expect((await store.getSession(thread()))?.state).toEqual({ step: 'writes', answers: { domain: 'financial' } });
      expect(await store.getSession(thread({ thread: 'another' }))).toBeUndefined();
      await store.deleteSession(thread());
      await store.deleteSession(thread());
      expect(await store.getSession(thread())).toBeUndefined();
      expect(await store.putSession(thread(), 0, { step: 'domain' })).toBe(1);
    }));

    it('lists only the channel\'s own designs, most recently updated first', withStore(async (store) => {
      const a = await store.saveVersion(thread({ thread: 'a' }), 0, version('U1', 'interview'), 'A');
      const b = await store.saveVersion(thread({ thread: 'b' }), 0, version('U2', 'interview'), 'B');
      await store.saveVersion(thread({ thread: 'a' }), 1, version('U3', 'assess'));
      await store.saveVersion(thread({ workspace: 'T2', thread: 'x' }), 0, version('U1', 'interview'));
      await store.saveVersion(thread({ channel: 'C2', thread: 'y' }), 0, version('U1', 'interview'));
      await store.saveVersion(thread({ platform: 'discord', thread: 'z' }), 0, version('U1', 'interview'));
      await store.putSession(thread({ thread: 'session-only' }), 0, { step: 'domain' });
      const listed = await store.listDesigns({ platform: 'slack', workspace: 'T1', channel: 'C1' });
      expect(listed.map((d) => [d.id, d.title, d.latestVersion, d.savedBy])).toEqual([
        [a.id, 'A', 2, 'U3'],
        [b.id, 'B', 1, 'U2'],
      ]);
      expect(listed[0]?.key).toEqual(thread({ thread: 'a' }));
      expect(await store.listDesigns({ platform: 'slack', workspace: 'T1', channel: 'C9' })).toEqual([]);
    }));

    it('lists the designs a user saved a version of in one workspace, newest first and up to the limit', withStore(async (store) => {
      const one = await store.saveVersion(thread({ channel: 'C1', thread: '1' }), 0, version('alice', 'interview'));
      const two = await store.saveVersion(thread({ channel: 'C2', thread: '2' }), 0, version('alice', 'interview'));
      const bobs = await store.saveVersion(thread({ channel: 'C1', thread: '3' }), 0, version('bob', 'interview'));
      await store.saveVersion(thread({ workspace: 'T2', thread: '4' }), 0, version('alice', 'interview'));
      await store.saveVersion(thread({ channel: 'C1', thread: '3' }), 1, version('alice', 'set writesPerSec 7'));
      await store.saveVersion(thread({ channel: 'C1', thread: '3' }), 2, version('bob', 'assess'));
      const alice = await store.listUserDesigns('slack', 'T1', 'alice', 10);
      expect(alice.map((d) => d.id)).toEqual([bobs.id, two.id, one.id]);
      expect(alice[0]).toMatchObject({ latestVersion: 3, savedBy: 'bob' });
      expect((await store.listUserDesigns('slack', 'T1', 'alice', 2)).map((d) => d.id)).toEqual([bobs.id, two.id]);
      expect((await store.listUserDesigns('slack', 'T1', 'bob', 10)).map((d) => d.id)).toEqual([bobs.id]);
      expect(await store.listUserDesigns('slack', 'T1', 'carol', 10)).toEqual([]);
      await store.deleteDesign(thread({ channel: 'C2', thread: '2' }));
      expect((await store.listUserDesigns('slack', 'T1', 'alice', 10)).map((d) => d.id)).toEqual([bobs.id, one.id]);
    }));

    it('deletes one workspace\'s designs, versions, plans and sessions, and nothing of any other workspace', withStore(async (store) => {
      const doomed = { platform: 'slack', workspace: 'T-GONE' };
      const kept = [thread({ workspace: 'T-KEPT', thread: 'k1' }), thread({ platform: 'discord', workspace: 'T-GONE', thread: 'k2' }), thread({ workspace: 'T-GONE-2', thread: 'k3' })];
      const a = await store.saveVersion(thread({ ...doomed, thread: 'a' }), 0, version('alice', 'interview'));
      await store.saveVersion(thread({ ...doomed, thread: 'a' }), 1, version('bob', 'assess'));
      await store.savePlan(thread({ ...doomed, thread: 'a' }), a.id, 0, emptyPlan());
      await store.saveVersion(thread({ ...doomed, channel: 'C2', thread: 'b' }), 0, version('alice', 'interview'));
      await store.putSession(thread({ ...doomed, thread: 'a' }), 0, { step: 'done' });
      await store.putSession(thread({ ...doomed, thread: 'interview-only' }), 0, { step: 'domain' });
      const before = [];
      for (const key of kept) {
        await store.saveVersion(key, 0, version('alice', 'interview'));
        await store.putSession(key, 0, { step: 'kept' });
        before.push(await store.getDesign(key));
      }
      expect(await store.workspaceContents('slack', 'T-GONE')).toEqual({ designs: 2, threads: 3 });

      expect(await store.deleteWorkspace('slack', 'T-GONE')).toEqual({ designs: 2, threads: 3 });
      expect(await store.getDesign(thread({ ...doomed, thread: 'a' }))).toBeUndefined();
      expect(await store.getSession(thread({ ...doomed, thread: 'a' }))).toBeUndefined();
      expect(await store.getSession(thread({ ...doomed, thread: 'interview-only' }))).toBeUndefined();
      expect(await store.listDesigns(thread({ ...doomed, channel: 'C2' }))).toEqual([]);
      expect(await store.listUserDesigns('slack', 'T-GONE', 'alice', 10)).toEqual([]);
      expect(await store.workspaceContents('slack', 'T-GONE')).toEqual({ designs: 0, threads: 0 });
      expect(await store.deleteWorkspace('slack', 'T-GONE')).toEqual({ designs: 0, threads: 0 });
      for (const [i, key] of kept.entries()) {
        expect(await store.getDesign(key)).toEqual(before[i]);
        expect((await store.getSession(key))?.state).toEqual({ step: 'kept' });
      }
      expect((await store.listUserDesigns('slack', 'T-KEPT', 'alice', 10)).map((d) => d.key.thread)).toEqual(['k1']);
      // The workspace can start again from nothing.
      const fresh = await store.saveVersion(thread({ ...doomed, thread: 'a' }), 0, version('carol', 'interview'));
      expect(fresh.versions.map((v) => v.version)).toEqual([1]);
      expect(fresh.id).not.toBe(a.id);
    }));

    it('claims an event id once until its time to live runs out', withStore(async (store) => {
      expect(await store.dedup.claim('Ev1', 60_000)).toBe(true);
      expect(await store.dedup.claim('Ev1', 60_000)).toBe(false);
      expect(await store.dedup.claim('Ev2', 60_000)).toBe(true);
      clock.advance(59_000);
      expect(await store.dedup.claim('Ev1', 60_000)).toBe(false);
      clock.advance(2_000);
      expect(await store.dedup.claim('Ev1', 60_000)).toBe(true);
      expect(await store.dedup.claim('Ev1', 60_000)).toBe(false);
    }));

    it('lets only one of many simultaneous claims of the same event win', withStore(async (store) => {
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.dedup.claim('EvRace', 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    }));

    it('saves, fetches and deletes installations, one by one or by key prefix', withStore(async (store) => {
      const installation = { team: { id: 'T1' }, bot: { token: 'xoxb-test', scopes: ['chat:write'] } };
      await store.installations.save('E0:T1', installation);
      await store.installations.save('E0:T2', { team: { id: 'T2' } });
      await store.installations.save('E9:T3', { team: { id: 'T3' } });
      expect(await store.installations.fetch('E0:T1')).toEqual(installation);
      expect(await store.installations.fetch('E0:T4')).toBeUndefined();
      await store.installations.save('E0:T1', { team: { id: 'T1' }, bot: { token: 'xoxb-rotated' } });
      expect(await store.installations.fetch('E0:T1')).toMatchObject({ bot: { token: 'xoxb-rotated' } });
      expect(await store.installations.deleteWhere('E0:')).toBe(2);
      expect(await store.installations.fetch('E0:T2')).toBeUndefined();
      expect(await store.installations.fetch('E9:T3')).toEqual({ team: { id: 'T3' } });
      await store.installations.delete('E9:T3');
      expect(await store.installations.fetch('E9:T3')).toBeUndefined();
      expect(await store.installations.deleteWhere('E')).toBe(0);
    }));
  });
}
