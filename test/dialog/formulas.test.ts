import { describe, expect, it } from 'vitest';
import { checkoutAnswers, makeCore } from '../helpers/dialog-harness.ts';
import { textOf } from '../helpers/recording-core.ts';
import { clicked, said } from '../helpers/turns.ts';

const key = { platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' } as const;

async function designedCore() {
  const harness = await makeCore();
  await harness.core.handle(said('interview'));
  let last = (await harness.core.handle(said(checkoutAnswers[0]!))).replies;
  for (const answer of checkoutAnswers.slice(1)) last = (await harness.core.handle(said(answer))).replies;
  const checks = (await harness.store.getDesign(key))?.versions.at(-1)?.assessment.validation.checks ?? [];
  return { ...harness, card: last.find((r) => r.kind === 'assessment'), checks };
}

describe('figures one click away', () => {
  it('lists every validation check of the latest assessment with its figures and formula, one field per check', async () => {
    const { core, checks } = await designedCore();
    expect(checks.map((c) => c.id)).toEqual(expect.arrayContaining(['throughput', 'availability', 'latency', 'cost']));
    const [reply, ...rest] = (await core.handle(said('formulas'))).replies;
    expect(rest).toHaveLength(0);
    expect(reply?.fields).toHaveLength(checks.length);
    for (const check of checks) {
      const field = reply?.fields?.find((f) => f.label.endsWith(` ${check.id}`));
      expect(field?.value).toContain(check.explain);
      expect(field?.value).toContain(`calculated ${String(check.calculated)} ${check.unit}`);
      expect(field?.label.startsWith(check.pass ? '✓' : '✗')).toBe(true);
      expect(field!.value.length).toBeLessThanOrEqual(1000);
      expect(reply?.text).toContain(check.explain);
    }
  });

  it('answers figures and math like formulas', async () => {
    const { core } = await designedCore();
    const formulas = (await core.handle(said('formulas'))).replies;
    expect((await core.handle(said('figures'))).replies).toEqual(formulas);
    expect((await core.handle(said('math'))).replies).toEqual(formulas);
  });

  it('explains the availability check with its numbers instead of searching the catalog', async () => {
    const { core, checks } = await designedCore();
    const availability = checks.find((c) => c.id === 'availability');
    const [why] = (await core.handle(said('why availability'))).replies;
    expect(why?.kind).not.toBe('search');
    expect(why?.text).toContain('leader failover');
    expect(why?.text).toContain(availability!.explain);
    expect(why?.choices).toContainEqual({ label: 'Formulas', value: 'formulas' });
  });

  it('answers explain <check> like why <check> for every check id of the assessment', async () => {
    const { core, checks } = await designedCore();
    for (const check of checks) {
      const why = (await core.handle(said(`why ${check.id}`))).replies;
      const explained = (await core.handle(said(`explain ${check.id}`))).replies;
      expect(explained).toEqual(why);
      expect(textOf(why)).toContain(check.explain);
    }
  });

  it('keeps why and explain on catalog entries as before', async () => {
    const { core } = await designedCore();
    const why = (await core.handle(said('why P2'))).replies;
    expect(why[0]?.title).toBe('Why P2');
    const explained = (await core.handle(said('explain the outbox pattern'))).replies;
    expect(textOf(explained)).toMatch(/Outbox/);
  });

  it('says there is no assessment yet, kindly, before any design', async () => {
    const { core } = await makeCore();
    for (const command of ['formulas', 'why availability']) {
      const [reply] = (await core.handle(said(command))).replies;
      expect(reply?.kind).toBe('info');
      expect(reply?.error).toBeUndefined();
      expect(reply?.text).toMatch(/no assessment in this thread yet/);
      expect(reply?.choices?.map((c) => c.value)).toEqual(['design', 'assess']);
    }
  });

  it('offers a Checks button on the assessment card beside diagram, export, history and the what-ifs', async () => {
    const { card } = await designedCore();
    const values = card?.choices?.map((c) => c.value) ?? [];
    expect(card?.choices).toContainEqual({ label: 'Checks', value: 'checks' });
    expect(values).toEqual(expect.arrayContaining(['diagram', 'export', 'history', 'set writesPerSec 4000']));
  });

  it('answers a click on the card’s Checks button with every formula of that design', async () => {
    const { core, card, checks } = await designedCore();
    const [reply] = (await core.handle(clicked('checks', card?.design?.version))).replies;
    expect(reply?.title).toBe('Formulas — checkout service v1');
    for (const check of checks) expect(reply?.text).toContain(check.explain);
  });

  it('answers a click on the card’s Formulas button with the figures of that design', async () => {
    const { core, card } = await designedCore();
    const [reply] = (await core.handle(clicked('formulas', card?.design?.version))).replies;
    expect(reply?.title).toBe('Formulas — checkout service v1');
  });

  it('shows each judged check on the card with its figure and target, the formula one click away', async () => {
    const { card, checks } = await designedCore();
    const figures = card?.fields?.find((f) => f.label === 'Figures')?.value ?? '';
    const headline = (card?.assessment as { summary?: { headline: string[] } } | undefined)?.summary?.headline ?? [];
    expect(headline.length).toBeGreaterThan(0);
    const shown = headline.filter((h) => figures.includes(h.slice(0, 24)));
    expect(shown.length).toBeGreaterThanOrEqual(Math.min(3, headline.length));
    if (shown.length < headline.length) expect(figures).toMatch(/\+\d+ more: checks$/);
    for (const c of checks.filter((x) => x.pass === null)) expect(figures).toMatch(new RegExp(`${c.id}[^·]*not judged|not judged: [^·]*${c.id}|\\+\\d+ more`));
    expect(card?.formulas).toEqual(checks.map((c) => `${c.id}: ${c.explain}`));
  });

  it('mentions formulas in help', async () => {
    const { core } = await makeCore();
    const [help] = (await core.handle(said('help'))).replies;
    expect(help?.text).toContain('formulas');
  });
});
