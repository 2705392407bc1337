import { describe, expect, it } from 'vitest';
import { realAssessor } from './assessor-fixture.ts';

describe('why', () => {
  it('names the answers and the fired conditions that put a primitive in the design', async () => {
    const { why } = await (await realAssessor()).assess({ domain: 'financial', writesPerSec: 30000, peakFactor: 2 });
    const lines = why('p1')!;
    // 60000 writes/s at peak need ⌈60000 / 14000⌉ = 5 partitions
    expect(lines.join('\n')).toContain('the partitions model needs 5 partitions for 60000 writes/s at peak');
    expect(lines.join('\n')).toContain('rule partition-when-needed (framework R23) fired: partitionsNeeded is 5, needs > 1');
  });

  it('follows a primitive back through the capability that needed it', async () => {
    const { why } = await (await realAssessor()).assess({ domain: 'financial' });
    // one leader with a synchronous replica provides linearizable writes on one partition (no consensus)
    const text = why('P2')!;
    expect(text.join('\n')).toContain('provides LinearizableWrite: one leader with a synchronous replica');
    expect(text.join('\n')).toContain('via LinearizableWrite: rule domain-financial (framework R1/R8) fired: domain is financial');
    expect(why('P5')).toBeNull();
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
    expect(lines.join('\n')).toContain('rule partition-when-needed (framework R23) would add P1 but did not fire: partitionsNeeded is 1, needs > 1');
    expect(lines.at(-1)).toMatch(/^To bring it in: set writesPerSec above 14000, or the data .* above 2000 GB/);
  });

  it('scales the write threshold by the peak factor', async () => {
    const { whyNot } = await (await realAssessor()).assess({ writesPerSec: 800, peakFactor: 4 });
    expect(whyNot('P1').join('\n')).toContain('set writesPerSec (at peakFactor 4) above 3500');
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
