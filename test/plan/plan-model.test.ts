import { describe, expect, it } from 'vitest';
import { applyChange, addMilestone, findItem, parseOwner, resolveVersionRef } from '../../src/dialog/plan/plan-change.ts';
import { planCsv, planRows, issueUrl } from '../../src/dialog/plan/plan-export.ts';
import { deriveItems } from '../../src/dialog/plan/plan-items.ts';
import { emptyPlan, type PlanRecord } from '../../src/dialog/plan/plan-record.ts';
import { recordStatus } from '../../src/dialog/plan/plan-status.ts';
import { planAt } from '../../src/dialog/plan/plan-view.ts';
import type { Requirements } from '../../src/rules/requirements.ts';
import type { Design } from '../../src/dialog/ports/design-store.ts';
import { realAssessor } from '../rules/assessor-fixture.ts';

const ledger: Requirements = { name: 'Ledger', domain: 'financial', writesPerSec: 3000, availability: 0.99999, writeLatencyMs: 50, exactlyOnce: true, publishesEvents: true, crossServiceTransaction: true };

async function designOf(...versions: Array<{ requirements: Requirements; cause: string }>): Promise<Design> {
  const assessor = await realAssessor();
  const out: Design['versions'] = [];
  for (const [i, v] of versions.entries()) {
    const { assessment } = await assessor.assess(v.requirements);
    out.push({ version: i + 1, requirements: v.requirements, assessment, answeredBy: {}, savedBy: 'ann', savedAt: `2026-01-0${i + 1}T10:00:00.000Z`, cause: v.cause });
  }
  return { id: 'd-test', key: { platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' }, title: 'Ledger', createdAt: out[0]!.savedAt, updatedAt: out.at(-1)!.savedAt, versions: out };
}

function change(record: PlanRecord, design: Design, c: Parameters<typeof applyChange>[2], by = 'ann'): PlanRecord {
  const outcome = applyChange(record, planAt(design, record), c, by, '2026-01-05T00:00:00.000Z');
  if (!outcome.record) throw new Error(`no change: ${outcome.message}`);
  return outcome.record;
}

describe('plan items', () => {
  it('makes every warning, obligation and failing judged check an item, highest impact first', async () => {
    const design = await designOf({ requirements: ledger, cause: 'assess' });
    const a = design.versions[0]!.assessment;
    const items = deriveItems(a);
    const failing = a.validation.checks.filter((c) => c.pass === false && c.required !== null);
    expect(failing.length).toBeGreaterThan(0);
    expect(items.filter((i) => i.kind === 'check').map((i) => i.id)).toEqual(failing.map((c) => `check-${c.id}`));
    expect(items.filter((i) => i.kind === 'risk')).toHaveLength(a.warnings.length);
    expect(items.filter((i) => i.kind === 'obligation')).toHaveLength(a.obligations.length);
    const ranks = items.map((i) => ({ high: 0, medium: 1, low: 2 })[i.impact]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('gives the same ids when the same requirements are assessed again', async () => {
    const a = await designOf({ requirements: ledger, cause: 'assess' });
    const b = await designOf({ requirements: { ...ledger }, cause: 'assess' });
    expect(deriveItems(b.versions[0]!.assessment).map((i) => i.id)).toEqual(deriveItems(a.versions[0]!.assessment).map((i) => i.id));
  });

  it('leaves out a check that was not judged', async () => {
    const design = await designOf({ requirements: { writesPerSec: 100 }, cause: 'assess' });
    expect(deriveItems(design.versions[0]!.assessment).some((i) => i.kind === 'check')).toBe(false);
  });
});

describe('plan changes', () => {
  it('accepts a risk with its reason, marks an obligation done, names an owner and reopens, recording who', async () => {
    const design = await designOf({ requirements: ledger, cause: 'assess' });
    const view = planAt(design, emptyPlan());
    const risk = view.items.find((i) => i.kind === 'risk')!;
    const obligation = view.items.find((i) => i.kind === 'obligation')!;
    let record = change(emptyPlan(), design, { action: 'ack', item: risk.id, reason: 'budget approved for a second region' });
    record = change(record, design, { action: 'done', item: obligation.id }, 'bo');
    record = change(record, design, { action: 'owner', item: obligation.id, person: '<@U0ANN>' }, 'bo');
    let after = planAt(design, record);
    expect(after.items.find((i) => i.id === risk.id)).toMatchObject({ status: 'accepted', reason: 'budget approved for a second region', changedBy: 'ann' });
    expect(after.items.find((i) => i.id === obligation.id)).toMatchObject({ status: 'done', owner: { name: '<@U0ANN>', user: 'U0ANN' }, changedBy: 'bo' });
    record = change(record, design, { action: 'reopen', item: obligation.id }, 'cy');
    after = planAt(design, record);
    expect(after.items.find((i) => i.id === obligation.id)).toMatchObject({ status: 'open', owner: { user: 'U0ANN' }, changedBy: 'cy' });
  });

  it('refuses to accept an obligation or to mark a failing check done, saying what to do instead', async () => {
    const design = await designOf({ requirements: ledger, cause: 'assess' });
    const view = planAt(design, emptyPlan());
    const obligation = view.items.find((i) => i.kind === 'obligation')!;
    const check = view.items.find((i) => i.kind === 'check')!;
    expect(() => applyChange(emptyPlan(), view, { action: 'ack', item: obligation.id, reason: 'x' }, 'ann', 'now')).toThrow(/proved/);
    expect(() => applyChange(emptyPlan(), view, { action: 'done', item: check.id }, 'ann', 'now')).toThrow(/change makes it pass/);
  });

  it('finds an item by a check id without its prefix and suggests close ids for a typo', async () => {
    const design = await designOf({ requirements: ledger, cause: 'assess' });
    const view = planAt(design, emptyPlan());
    const check = view.items.find((i) => i.kind === 'check')!;
    expect(findItem(view, check.id.replace(/^check-/, '')).id).toBe(check.id);
    const risk = view.items.find((i) => i.kind === 'risk')!;
    const typo = `${risk.id.slice(0, -1)}x`;
    expect(() => findItem(view, typo)).toThrow(expect.objectContaining({ code: 'unknown_item', suggestions: expect.arrayContaining([risk.id]) }));
  });

  it('saves nothing when a change leaves the item as it was', async () => {
    const design = await designOf({ requirements: ledger, cause: 'assess' });
    const obligation = planAt(design, emptyPlan()).items.find((i) => i.kind === 'obligation')!;
    const record = change(emptyPlan(), design, { action: 'done', item: obligation.id });
    const again = applyChange(record, planAt(design, record), { action: 'done', item: obligation.id }, 'bo', 'now');
    expect(again.record).toBeUndefined();
    expect(again.message).toMatch(/already done/);
  });

  it('reads mentions of both platforms and plain names as owners, and refuses markup', () => {
    expect(parseOwner('<@U024BE7LH>')).toEqual({ name: '<@U024BE7LH>', user: 'U024BE7LH' });
    expect(parseOwner('<@U024BE7LH|ann>')).toEqual({ name: 'ann', user: 'U024BE7LH' });
    expect(parseOwner('<@!80351110224678912>')).toEqual({ name: '<@80351110224678912>', user: '80351110224678912' });
    expect(parseOwner('@ann')).toEqual({ name: 'ann' });
    expect(parseOwner('nobody')).toBeUndefined();
    expect(() => parseOwner('<!channel>')).toThrow(/Name the owner/);
  });
});

describe('plan across versions', () => {
  it('carries statuses to the next version while an item applies, and says which items a change made go away', async () => {
    const design = await designOf(
      { requirements: ledger, cause: 'assess' },
      { requirements: { ...ledger, crossServiceTransaction: false, publishesEvents: false, exactlyOnce: false }, cause: 'set crossServiceTransaction false' },
    );
    const v1 = planAt(design, emptyPlan(), 1);
    const v2ids = new Set(planAt(design, emptyPlan()).items.map((i) => i.id));
    const kept = v1.items.find((i) => i.kind !== 'check' && v2ids.has(i.id) && i.kind === 'obligation') ?? v1.items.find((i) => i.kind === 'risk' && v2ids.has(i.id))!;
    const goneOne = v1.items.find((i) => !v2ids.has(i.id))!;
    expect(goneOne).toBeDefined();
    const one = { ...design, versions: design.versions.slice(0, 1) };
    let record = change(emptyPlan(), one, { action: 'done', item: kept.id });
    record = change(record, one, { action: 'owner', item: goneOne.id, person: 'bo' });
    const v2 = planAt(design, record);
    expect(v2.items.find((i) => i.id === kept.id)).toMatchObject({ status: 'done', since: 1 });
    expect(v2.gone.map((g) => g.id)).toContain(goneOne.id);
    expect(v2.gone.find((g) => g.id === goneOne.id)?.cause).toBe('set crossServiceTransaction false');
    // The plan of version 1 (a milestone) still shows what was decided then.
    expect(planAt(design, record, 1).items.find((i) => i.id === kept.id)?.status).toBe('done');
  });

  it('shows a milestone only the changes made by its version', async () => {
    const design = await designOf({ requirements: ledger, cause: 'assess' }, { requirements: { ...ledger, writesPerSec: 4000 }, cause: 'set writesPerSec 4000' });
    const risk = planAt(design, emptyPlan()).items.find((i) => i.kind === 'risk')!;
    const { record: named } = addMilestone(emptyPlan(), 'launch review', 1, 'ann', 'now');
    const record = change(named, design, { action: 'ack', item: risk.id, reason: 'known' });
    expect(resolveVersionRef(record, 'Launch  Review')).toBe(1);
    expect(planAt(design, record, 1).items.find((i) => i.id === risk.id)?.status).toBe('open');
    expect(planAt(design, record, 2).items.find((i) => i.id === risk.id)?.status).toBe('accepted');
  });
});

describe('record status and export', () => {
  it('is proposed while a judged check fails and accepted once every high item is done or accepted', async () => {
    const passing: Requirements = { name: 'Small', writesPerSec: 500, availability: 0.999, exactlyOnce: true, publishesEvents: true };
    const design = await designOf({ requirements: passing, cause: 'assess' });
    const a = design.versions[0]!.assessment;
    expect(a.validation.checks.some((c) => c.pass === false && c.required !== null)).toBe(false);
    let record = emptyPlan();
    let view = planAt(design, record);
    const high = view.items.filter((i) => i.impact === 'high');
    if (high.length > 0) expect(recordStatus(a, view).status).toBe('proposed');
    for (const item of high) record = change(record, design, item.kind === 'risk' ? { action: 'ack', item: item.id, reason: 'ok' } : { action: 'done', item: item.id });
    view = planAt(design, record);
    expect(recordStatus(a, view).status).toBe('accepted');

    const failing = await designOf({ requirements: ledger, cause: 'assess' });
    expect(recordStatus(failing.versions[0]!.assessment, planAt(failing, emptyPlan()))).toMatchObject({ status: 'proposed', reason: expect.stringMatching(/check/) });
  });

  it('writes CSV a spreadsheet reads as text, and an issue link with title and body encoded', async () => {
    const design = await designOf({ requirements: ledger, cause: 'assess' });
    const risk = planAt(design, emptyPlan()).items.find((i) => i.kind === 'risk')!;
    const record = change(emptyPlan(), design, { action: 'ack', item: risk.id, reason: '=HYPERLINK("x"), "quoted"' });
    const view = planAt(design, record);
    const csv = planCsv(planRows(design, view));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,kind,title,status,owner,reason,impact,design,version,changedBy,changedAt,detail');
    expect(csv).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    const url = issueUrl('https://tracker.example/new?title={title}&body={body}', design, risk, 1)!;
    const parsed = new URL(url);
    expect(parsed.searchParams.get('title')).toBe(`[Ledger] ${risk.title}`);
    expect(parsed.searchParams.get('body')).toContain(risk.id);
    expect(issueUrl(undefined, design, risk, 1)).toBeUndefined();
    expect(issueUrl('javascript:alert({title})', design, risk, 1)).toBeUndefined();
  });
});
