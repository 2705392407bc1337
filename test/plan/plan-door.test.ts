import { afterAll, describe, expect, it } from 'vitest';
import type { DesignStore } from '../../src/dialog/ports/design-store.ts';
import { emptyPlan } from '../../src/dialog/plan/plan-record.ts';
import { planAt } from '../../src/dialog/plan/plan-view.ts';
import { openStore } from '../../src/store/open-store.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { said, type Place } from '../helpers/turns.ts';
import { postgresUrl, TestSchemas } from '../store/postgres-database.ts';

const tempDir = useTempDirs('quorum-plan-door-');
const setup = ['set domain financial', 'set writesPerSec 3000', 'set availability 99.999%', 'set exactlyOnce true', 'set publishesEvents true', 'assess'];

function describeOn(name: string, open: () => Promise<{ designs: DesignStore; close(): Promise<void> }>) {
  describe(`the plan through handle() on the ${name} store`, () => {
    it('loses no change when two people change items of one design at the same moment', async () => {
      const store = await open();
      try {
        const errors: unknown[] = [];
        const { core } = await makeCore({ store: store.designs, errors });
        for (const text of setup) await core.handle(said(text, 'ann'));
        const key = { platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' };
        const before = await store.designs.getDesign(key);
        const items = planAt(before!, emptyPlan()).items.filter((i) => i.kind !== 'check').slice(0, 8);
        expect(items.length).toBe(8);
        // Four people at once, two changes each, all on the same design.
        const people = ['ann', 'bo', 'cy', 'dee'];
        const turns = items.map((item, n) => said(`owner ${item.id} ${people[n % 4]}-owner`, people[n % 4]!));
        const results = await Promise.all(turns.map((t) => core.handle(t)));
        expect(errors).toEqual([]);
        for (const r of results) expect(r.replies[0]?.error).toBeUndefined();
        const after = await store.designs.getDesign(key);
        const view = planAt(after!, after!.plan!);
        for (const [n, item] of items.entries()) {
          expect(view.items.find((i) => i.id === item.id)?.owner?.name).toBe(`${people[n % 4]}-owner`);
        }
        expect(after!.plan!.events).toHaveLength(8);
        expect(after!.plan!.revision).toBe(8);
      } finally {
        await store.close();
      }
    });

    it('lists the open high items of each design of the channel per owner, and nothing of another workspace', async () => {
      const store = await open();
      try {
        const { core } = await makeCore({ store: store.designs });
        const places: Place[] = [{ thread: 'one' }, { thread: 'two' }, { workspace: 'other', thread: 'three' }];
        for (const place of places) for (const text of setup) await core.handle(said(text, 'ann', place));
        const design = await store.designs.getDesign({ platform: 'terminal', workspace: 'w', channel: 'c', thread: 'one' });
        const high = planAt(design!, emptyPlan()).items.filter((i) => i.impact === 'high' && i.kind === 'risk');
        await core.handle(said(`owner ${high[0]!.id} bo`, 'ann', places[0]));
        await core.handle(said(`ack ${high[1]!.id} accepted for the pilot`, 'ann', places[0]));
        const digest = (await core.handle(said('plan all', 'ann', places[0]))).replies[0]!;
        const lines = digest.text.split('\n');
        expect(lines.filter((l) => /^\S.* v1: /.test(l))).toHaveLength(2);
        // Design one's section: bo owns one item, the accepted one is gone; design two still has both open.
        const start = lines.findIndex((l) => l.includes(`(${design!.id})`));
        const next = lines.findIndex((l, i) => i > start && /^\S/.test(l));
        const end = next === -1 ? lines.length : next;
        const section = lines.slice(start, end).join('\n');
        expect(section).toContain(`  @bo: ${high[0]!.id}`);
        expect(section).not.toContain(high[1]!.id);
        expect([...lines.slice(1, start), ...lines.slice(end)].join('\n')).toContain(high[1]!.id);
        const other = await store.designs.getDesign({ platform: 'terminal', workspace: 'other', channel: 'c', thread: 'three' });
        expect(digest.text).not.toContain(other!.id);
        expect(digest.plan?.items.every((i) => i.impact === 'high' && i.status === 'open')).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('offers "Open as issue" links only when a template is configured, and why not names the exact add', async () => {
      const store = await open();
      try {
        const { core } = await makeCore({ store: store.designs });
        for (const text of setup) await core.handle(said(text, 'ann'));
        const plain = (await core.handle(said('plan'))).replies[0]!;
        expect(plain.itemControls?.flatMap((c) => c.choices).some((c) => c.url)).toBe(false);
        const help = (await core.handle(said('help'))).replies[0]!;
        for (const words of ['plan all', 'ack <risk> <reason>', 'owner <item> <person>', 'add <id> / drop <id>', 'milestone <name>', 'export csv']) expect(help.text).toContain(words);
        const whyNot = (await core.handle(said('why not P14'))).replies[0]!;
        expect(whyNot.text).toContain('add P14');
        expect(whyNot.choices).toContainEqual({ label: 'Add P14', value: 'add P14' });
      } finally {
        await store.close();
      }
    });
  });
}

describeOn('lowdb', async () => {
  const s = await openStore(`file:${await tempDir()}`);
  return { designs: s.designs, close: () => s.close() };
});
if (postgresUrl) {
  const schemas = new TestSchemas(postgresUrl);
  afterAll(() => schemas.dropAll());
  describeOn('postgres', async () => {
    const s = await openStore(await schemas.create());
    return { designs: s.designs, close: () => s.close() };
  });
}
