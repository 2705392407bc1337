import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresUrl, TestSchemas } from '../store/postgres-database.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'quorum-plan-chat-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Item { id: string; kind: string; status: string; owner?: string; reason?: string; impact: string }
interface Line {
  turn: number;
  replies: Array<{
    text: string;
    choices?: Array<{ label: string; value: string }>;
    assessment?: { primitives: Array<{ id: string; reasons: string[] }>; patterns: Array<{ id: string; reasons: string[] }> };
    design?: { id: string; version: number };
    plan?: { items: Item[] };
    files?: Array<{ name: string; mime: string; path: string }>;
    error?: { code: string };
  }>;
}

/** One run of `quorum chat --json` (a fresh process: every run after the first is a restart). */
function chat(store: string, turns: string[], user = 'ann'): Line[] {
  const run = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', 'chat', '--json', '--thread', 'plan-cycle', '--user', user], {
    cwd: root,
    input: `${turns.join('\n')}\n`,
    encoding: 'utf8',
    env: { ...process.env, QUORUM_STORE: store, QUORUM_FILES: join(work, 'files'), QUORUM_ISSUE_URL: 'https://tracker.example/new?title={title}&body={body}' },
    timeout: 90_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
}

/** The one file a reply wrote (interface.md `files`), with what it holds. */
function fileOf(reply: Line['replies'][number] | undefined): { name: string; content: string } {
  const [file] = reply?.files ?? [];
  expect(file, 'the reply lists the file it wrote').toBeDefined();
  return { name: file!.name, content: readFileSync(file!.path, 'utf8') };
}

const planOf = (line: Line | undefined): Item[] => line?.replies.find((r) => r.plan)?.plan?.items ?? [];
const item = (items: Item[], id: string): Item | undefined => items.find((i) => i.id === id);

const setup = ['set domain financial', 'set writesPerSec 3000', 'set availability 99.999%', 'set exactlyOnce true', 'set publishesEvents true', 'assess', 'plan'];

function cycle(store: () => Promise<string>) {
  return async () => {
    const url = await store();
    const first = chat(url, setup);
    const items = planOf(first.at(-1));
    const risk = items.find((i) => i.kind === 'risk')!;
    const obligation = items.find((i) => i.kind === 'obligation')!;
    const check = items.find((i) => i.kind === 'check');
    expect(risk && obligation).toBeTruthy();
    expect(items.every((i) => i.status === 'open')).toBe(true);
    const card = first.flatMap((l) => l.replies).find((r) => r.assessment)!.assessment!;
    const present = new Set([...card.primitives, ...card.patterns].map((i) => i.id));
    const toAdd = ['P14', 'P11', 'bulkhead', 'hedged-request'].find((id) => !present.has(id))!;

    // After a restart, by two people in turn.
    const worked = chat(url, [
      `ack ${risk.id} the second region is budgeted for next quarter`,
      `owner ${obligation.id} @bo`,
      `done ${obligation.id}`,
      `reopen ${obligation.id}`,
      `done ${obligation.id} proved in the game day`,
      ...(check ? [`done ${check.id}`] : []),
    ]);
    expect(item(planOf(worked[0]), risk.id)).toMatchObject({ status: 'accepted', reason: 'the second region is budgeted for next quarter' });
    expect(item(planOf(worked[1]), obligation.id)).toMatchObject({ owner: 'bo' });
    expect(item(planOf(worked[2]), obligation.id)?.status).toBe('done');
    expect(item(planOf(worked[3]), obligation.id)?.status).toBe('open');
    if (check) expect(worked[5]!.replies[0]!.error?.code).toBe('check_is_computed');

    const edited = chat(url, ['plan', `add ${toAdd}`, `drop ${toAdd}`, 'milestone launch review', 'history', 'export csv', 'export json launch review'], 'cy');
    const after = planOf(edited[0]);
    expect(item(after, risk.id)).toMatchObject({ status: 'accepted', reason: 'the second region is budgeted for next quarter' });
    expect(item(after, obligation.id)).toMatchObject({ status: 'done', owner: 'bo', reason: 'proved in the game day' });
    const added = edited[1]!.replies.find((r) => r.assessment)!;
    expect(added.design?.version).toBe(2);
    const addedItem = [...added.assessment!.primitives, ...added.assessment!.patterns].find((i) => i.id === toAdd)!;
    expect(addedItem.reasons).toContain('added by cy');
    const dropped = edited[2]!.replies.find((r) => r.assessment)!;
    expect(dropped.design?.version).toBe(3);
    expect([...dropped.assessment!.primitives, ...dropped.assessment!.patterns].some((i) => i.id === toAdd)).toBe(false);
    expect(edited[4]!.replies[0]!.text).toMatch(/v3 "launch review"/);
    const csv = fileOf(edited[5]!.replies[0]);
    expect(csv.name).toMatch(/-v3-plan\.csv$/);
    const rows = csv.content.trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^id,kind,title,status,owner,reason,impact,design,version/);
    expect(rows.find((r) => r.startsWith(`${obligation.id},`))).toMatch(/,done,bo,proved in the game day,/);
    const json = JSON.parse(fileOf(edited[6]!.replies[0]).content) as { design: { version: number }; items: Item[] };
    expect(json.design.version).toBe(3);
    expect(item(json.items, risk.id)?.status).toBe('accepted');

    // One more restart: everything is still where the team left it.
    const last = chat(url, ['plan', 'plan launch review', 'export launch review']);
    expect(item(planOf(last[0]), risk.id)?.status).toBe('accepted');
    expect(item(planOf(last[0]), obligation.id)).toMatchObject({ status: 'done', owner: 'bo' });
    expect(last[1]!.replies[0]!.text).toMatch(/v3 \("launch review"\)/);
    expect(fileOf(last[2]!.replies[0]).name).toMatch(/-v3\.md$/);
    expect(fileOf(last[2]!.replies[0]).content).toMatch(/Status: proposed/);
  };
}

describe('the plan cycle through chat --json', () => {
  it('works through assess, plan, ack, owner, done, reopen, add, drop, milestone and export csv on the file store, across restarts', cycle(async () => `file:${join(work, 'store')}`), 240_000);

  if (postgresUrl) {
    const schemas = new TestSchemas(postgresUrl);
    afterAll(() => schemas.dropAll());
    it('works the same on Postgres, across restarts', cycle(() => schemas.create()), 240_000);
  }
});
