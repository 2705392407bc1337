import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from './slack-harness.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('acknowledging Slack within 3 seconds', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers every signed slash command with 200 before doing the work (latency printed, not asserted)', async () => {
    const timings: number[] = [];
    const responses = h.fake.callsTo('response_url').length;
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      const sent = await h.command({ team: 'T-lat', channel: 'C-lat', user: `U${i % 5}` }, i % 2 ? 'lookup consensus' : 'help');
      timings.push(performance.now() - started);
      expect(sent.status).toBe(200);
      expect(sent.body).toBe('');
    }
    await h.fake.waitFor('response_url', responses + 50, 20_000);
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`Slack ack latency over ${sorted.length} signed slash commands: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`);
  });
});
