import { describe, expect, it } from 'vitest';
import { realAssessor } from './assessor-fixture.ts';

describe('why', () => {
  it('names the answers and the fired conditions that put a primitive in the design', async () => {
    const { why } = await (await realAssessor()).assess({ domain: 'financial', writesPerSec: 30000, peakFactor: 2 });
    const lines = why('p1')!;
    expect(lines).toContain('writesPerSec 30000 × peakFactor 2 = 60000 > 20000 (rule scale-writes, framework R23)');
    expect(lines.join('\n')).toContain('rule scale-writes (framework R23) fired: peakWritesPerSec is 60000, needs > 20000');
  });

  it('follows a primitive back through the capability that needed it', async () => {
    const { why } = await (await realAssessor()).assess({ domain: 'financial' });
    const text = why('Consensus') ?? why('P5')!;
    expect(text.join('\n')).toContain('provides LinearizableWrite (needed because domain = financial → strong consistency');
    expect(text.join('\n')).toContain('via LinearizableWrite: rule domain-financial (framework R1/R8) fired: domain is financial');
  });

  it('returns null for an id that is not in the design', async () => {
    const { why } = await (await realAssessor()).assess({ domain: 'social' });
    expect(why('P5')).toBeNull();
    expect(why('no-such-thing')).toBeNull();
  });
});

describe('why not', () => {
  it('says which answers would bring partitioning in', async () => {
    const { whyNot } = await (await realAssessor()).assess({ writesPerSec: 800, dataSizeGb: 20 });
    const lines = whyNot('P1');
    expect(lines.join('\n')).toContain('rule scale-writes (framework R23) would add P1 but did not fire: peakWritesPerSec is 800, needs > 20000');
    expect(lines.at(-1)).toMatch(/^To bring it in: set writesPerSec above 20000; or set dataSizeGb above 100/);
  });

  it('scales the write threshold by the peak factor', async () => {
    const { whyNot } = await (await realAssessor()).assess({ writesPerSec: 800, peakFactor: 4 });
    expect(whyNot('P1').join('\n')).toContain('set writesPerSec (at peakFactor 4) above 5000');
  });

  it('reports the missing primitives of a pattern and how to get them', async () => {
    const { whyNot } = await (await realAssessor()).assess({ auditTrail: true, exactlyOnce: true });
    const text = whyNot('outbox').join('\n');
    expect(text).toContain('the design lacks P19');
    expect(text).toContain('set publishesEvents to true');
  });

  it('points to why for an item that is in the design, and flags ids outside the catalog', async () => {
    const { whyNot } = await (await realAssessor()).assess({ multiTenant: true });
    expect(whyNot('bulkhead')[0]).toContain('is in the design');
    expect(whyNot('flux-capacitor')[0]).toContain('not a catalog id');
  });
});
