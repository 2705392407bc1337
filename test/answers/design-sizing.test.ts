import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers/dialog-harness.ts';
import { said, type Place } from '../helpers/turns.ts';

// Issue 16's gap: a sizing question asked in a thread with a design takes the numbers it does not state
// from the design's requirements and says which; a question's own numbers win. Through the real core.

const ledger = 'assess payments ledger, 100k writes/s, 5 TB of data, four nines, 2x peaks';

async function ask(setup: string[], question: string, place: Place = {}) {
  const { core } = await makeCore();
  for (const text of setup) await core.handle(said(text, 'alice', place));
  const [reply] = (await core.handle(said(question, 'alice', place))).replies;
  return reply!;
}

describe('sizing questions in a design thread', () => {
  it('sizes partitions from the design when the question states no numbers, and says which it took', async () => {
    const reply = await ask([ledger], 'how many partitions do we need?');
    // peak 100k × 2 = 200k writes/s → ⌈200,000 / 14,000⌉ = 15; 5,000 GB → ⌈5,000 / 2,000⌉ = 3.
    expect(reply.text).toMatch(/^15 partitions: the writes at a 2x peak need 15 and the data needs 3/);
    expect(reply.text).toContain('Taken from your Payments ledger, as the question did not say: writesPerSec 100,000/s, dataSizeGb 5,000 GB, peakFactor 2×.');
    expect(reply.formulas?.[0]).toMatch(/100000/);
  });

  it("keeps the question's own numbers and fills only the rest", async () => {
    const reply = await ask([ledger], 'how many partitions for 20k writes/s?');
    expect(reply.text).toMatch(/^3 partitions: the writes need 2 and the data needs 3/);
    expect(reply.text).toContain('Taken from your Payments ledger, as the question did not say: dataSizeGb 5,000 GB.');
    expect(reply.text).not.toMatch(/writesPerSec 100,000/);
  });

  it("sizes replicas for the design's availability target and node availability", async () => {
    const reply = await ask([ledger, 'set nodeAvailability 0.99'], 'how many replicas do we need?');
    // 1 − 0.01² = 99.99 % meets four nines; one replica (99 %) does not.
    expect(reply.text).toMatch(/^2 replicas: at 99 % per node, 2 give 99\.99 %, while 1 gives 99 %, and 99\.99 % is the target\./);
    expect(reply.text).toContain('Taken from your Payments ledger, as the question did not say: availability 99.99%, nodeAvailability 99%.');
    const stated = await ask([ledger, 'set nodeAvailability 0.99'], 'how many replicas for five nines?');
    expect(stated.text).toMatch(/^3 replicas: at 99 % per node/);
    expect(stated.text).toContain('as the question did not say: nodeAvailability 99%.');
  });

  it('answers downtime for the design’s target', async () => {
    const reply = await ask([ledger], 'how much downtime per year can we have?');
    expect(reply.text).toMatch(/^52\.6 minutes a year: 99\.99 % leaves/);
    expect(reply.text).toContain('as the question did not say: availability 99.99%.');
  });

  it('takes nothing in a thread without a design, or from another thread’s design', async () => {
    const none = await ask([], 'how many partitions for 20k writes/s?');
    expect(none.text).toMatch(/^2 partitions: the writes need 2\b/);
    expect(none.text).not.toMatch(/Taken from/);
    const { core } = await makeCore();
    await core.handle(said(ledger, 'alice', { thread: 'a' }));
    const [elsewhere] = (await core.handle(said('how many partitions for 20k writes/s?', 'alice', { thread: 'b' }))).replies;
    expect(elsewhere!.text).not.toMatch(/Taken from|Payments ledger/);
  });
});
