import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers/dialog-harness.ts';
import { said } from '../helpers/turns.ts';

/** A core with one assessed design in the default thread. */
async function assessed() {
  const harness = await makeCore();
  for (const line of ['set domain financial', 'set writesPerSec 30k', 'set availability 99.99%', 'set exactlyOnce yes', 'set publishesEvents yes']) {
    await harness.core.handle(said(line));
  }
  const { replies } = await harness.core.handle(said('assess'));
  return { ...harness, card: replies.find((r) => r.kind === 'assessment')! };
}

describe('the card commands', () => {
  it('answer each command the card offers with that part of the latest version', async () => {
    const { core, card } = await assessed();
    const a = card.assessment!;
    const [risks] = (await core.handle(said('risks'))).replies;
    for (const w of a.warnings) expect(risks?.text).toContain(`(${w.id})`);
    const [reasons] = (await core.handle(said('reasons'))).replies;
    for (const p of a.primitives) for (const r of p.reasons) expect(reasons?.text).toContain(r);
    const [obligations] = (await core.handle(said('obligations'))).replies;
    for (const o of a.obligations) expect(obligations?.text).toContain(`[ ] ${o.pattern}: ${o.text}`);
    const [tech] = (await core.handle(said('tech'))).replies;
    for (const t of a.technologies) expect(tech?.text).toContain(`${t.for}: ${t.pick}`);
    const [again] = (await core.handle(said('card'))).replies;
    expect(again?.text).toBe(card.text);
    for (const reply of [risks, reasons, obligations, tech]) for (const f of reply?.fields ?? []) expect(f.value.length).toBeLessThan(1000);
  });

  it('say there is nothing to show yet in a thread without an assessment', async () => {
    const { core } = await makeCore();
    for (const word of ['risks', 'diagram', 'card']) {
      const [reply] = (await core.handle(said(word))).replies;
      expect(reply?.text).toMatch(/no assessment in this thread yet/);
    }
  });
});
