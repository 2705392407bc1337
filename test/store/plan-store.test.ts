import { afterAll, describe, expect, it } from 'vitest';
import { emptyPlan, type PlanEvent, type PlanRecord } from '../../src/dialog/plan/plan-record.ts';
import { isUserError } from '../../src/errors.ts';
import { StaleWriteError, type DesignStore, type ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { postgresUrl, TestSchemas } from './postgres-database.ts';
import { sampleVersion } from './sample-version.ts';

const key: ThreadKey = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: '1700000000.0001' };
const event = (item: string, by: string, version = 1): PlanEvent => ({ item, action: 'done', by, at: '2026-01-01T00:00:00.000Z', version });

/** Appends one event the way the core does: read, add, write at the revision read, re-read and retry when stale. */
async function appendWithRetry(store: DesignStore, k: ThreadKey, e: PlanEvent): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const design = await store.getDesign(k);
    const plan: PlanRecord = design!.plan ?? emptyPlan();
    try {
      await store.savePlan(k, design!.id, plan.revision, { ...plan, events: [...plan.events, e] });
      return attempt;
    } catch (err) {
      if (!(err instanceof StaleWriteError) || attempt > 50) throw err;
    }
  }
}

type Reopenable = { open(): Promise<DesignStore> };

function describePlanStore(name: string, make: () => Promise<Reopenable>): void {
  describe(`${name} plan store`, () => {
    it('keeps a design\'s plan and milestones with the design, across a reopen, and edits per version', async () => {
      const where = await make();
      const store = await where.open();
      const design = await store.saveVersion(key, 0, sampleVersion('ann'));
      await store.saveVersion(key, 1, { ...sampleVersion('bo'), cause: 'add P14', edits: [{ op: 'add', id: 'P14', by: 'bo' }] });
      const saved = await store.savePlan(key, design.id, 0, { ...emptyPlan(), events: [event('outbox-proof', 'ann', 2)], milestones: [{ name: 'launch review', version: 2, by: 'ann', at: 'now' }] });
      expect(saved.revision).toBe(1);
      await store.close();
      const again = await where.open();
      const read = await again.getDesign(key);
      expect(read?.plan).toEqual(saved);
      expect(read?.versions[1]?.edits).toEqual([{ op: 'add', id: 'P14', by: 'bo' }]);
      expect(read?.versions[0]?.edits).toBeUndefined();
      // A new version keeps the plan; another thread has none.
      const third = await again.saveVersion(key, 2, sampleVersion('cy'));
      expect(third.plan ?? (await again.getDesign(key))?.plan).toEqual(saved);
      expect((await again.getDesign({ ...key, thread: 'other' }))?.plan).toBeUndefined();
      await again.close();
    });

    it('refuses a plan write based on an old revision, or for a design that is gone, changing nothing', async () => {
      const store = await (await make()).open();
      const design = await store.saveVersion(key, 0, sampleVersion('ann'));
      const first = await store.savePlan(key, design.id, 0, { ...emptyPlan(), events: [event('a', 'ann')] });
      await expect(store.savePlan(key, design.id, 0, { ...emptyPlan(), events: [event('b', 'bo')] })).rejects.toMatchObject({ expected: 0, actual: 1 });
      await expect(store.savePlan(key, 'd-someother', 1, { ...first, events: [] })).rejects.toSatisfy((e) => isUserError(e) && e.code === 'design_not_found');
      expect((await store.getDesign(key))?.plan).toEqual(first);
      await store.deleteDesign(key);
      await expect(store.savePlan(key, design.id, 1, first)).rejects.toSatisfy((e) => isUserError(e) && e.code === 'design_not_found');
      const fresh = await store.saveVersion(key, 0, sampleVersion('ann'));
      expect(fresh.plan).toBeUndefined();
      await store.close();
    });

    it('loses no change when two people change items of one design at once', async () => {
      const store = await (await make()).open();
      await store.saveVersion(key, 0, sampleVersion('ann'));
      const people = ['ann', 'bo', 'cy', 'dee'];
      const attempts = await Promise.all(people.flatMap((p) => [1, 2, 3].map((n) => appendWithRetry(store, key, event(`${p}-item-${n}`, p)))));
      const plan = (await store.getDesign(key))?.plan;
      expect(plan?.events.map((e) => e.item).sort()).toEqual(people.flatMap((p) => [1, 2, 3].map((n) => `${p}-item-${n}`)).sort());
      expect(plan?.revision).toBe(12);
      // The race was real: every writer read before any wrote, so some had to re-read and retry.
      expect(Math.max(...attempts)).toBeGreaterThan(1);
      await store.close();
    });
  });
}

const tempDir = useTempDirs('quorum-plan-');
describePlanStore('memory', async () => {
  const store = await openStore('memory:');
  // The memory store has no restart: "reopening" hands back the same store, closed only at the end.
  return { open: async () => ({ ...store.designs, close: async () => undefined }) };
});
describePlanStore('lowdb', async () => {
  const dir = await tempDir();
  return { open: async () => { const s = await openStore(`file:${dir}`); return { ...s.designs, close: () => s.close() }; } };
});
if (postgresUrl) {
  const schemas = new TestSchemas(postgresUrl);
  afterAll(() => schemas.dropAll());
  describePlanStore('postgres', async () => {
    const url = await schemas.create();
    return { open: async () => { const s = await openStore(url); return { ...s.designs, close: () => s.close() }; } };
  });
}
