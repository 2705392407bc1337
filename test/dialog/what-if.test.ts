import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers/dialog-harness.ts';
import { said } from '../helpers/turns.ts';

describe('a what-if', () => {
  it('leads with the changed figures and items, then the new verdict, in at most 15 lines', async () => {
    const { core } = await makeCore();
    for (const line of ['set domain financial', 'set writesPerSec 3k', 'set availability 99.99%', 'set budgetUsdPerMonth 30000', 'assess']) {
      await core.handle(said(line));
    }
    const { replies } = await core.handle(said('set writesPerSec 60k'));
    const reply = replies.find((r) => r.assessment)!;
    const lines = reply.text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines[0]).toBe('What if writesPerSec 3,000/s → 60,000/s — v1 → v2');
    const changed = lines.slice(1, lines.findIndex((l) => l.startsWith('Now: '))).join(' · ');
    expect(changed).toMatch(/^Changed: throughput [\d,]+ writes\/s → [\d,]+ writes\/s/);
    expect(changed).toMatch(/cost \$[\d,]+\/month → \$[\d,]+\/month \(\+\$[\d,]+\/month\)/);
    expect(changed).toContain('+P1 Partitioning');
    expect(lines.find((l) => l.startsWith('Now: '))).toBe(`Now: ${reply.summary?.replace(/^Now: /, '')}`);
    expect(reply.design?.version).toBe(2);
  });
});
