import { afterEach, describe, expect, it } from 'vitest';
import { shardCount, startShardedDiscord, type RunningShards } from '../../src/adapters/discord/start-sharded.ts';
import { loadConfig } from '../../src/config.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { alice, callbackOf, slash } from '../discord/bot-harness.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';

function shardedConfig(fake: FakeDiscord, shards: string) {
  return loadConfig({
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_SHARDS: shards,
    QUORUM_STORE: 'memory:',
    LOG_LEVEL: 'silent',
  });
}

describe('Discord sharding', () => {
  let fake: FakeDiscord | undefined;
  let shards: RunningShards | undefined;
  afterEach(async () => {
    await shards?.stop();
    await fake?.close();
    shards = undefined;
    fake = undefined;
  });

  it('starts two shard processes against the fake gateway, each identifying as its own shard, and answers through them', async () => {
    fake = await new FakeDiscord().start();
    // The fake keeps only the latest IDENTIFY; keep every one instead.
    const identified: Array<{ shard: [number, number] }> = [];
    Object.defineProperty(fake, 'identify', { get: () => identified.at(-1), set: (d) => identified.push(d) });
    const errors: unknown[] = [];
    shards = await startShardedDiscord(shardedConfig(fake, '2'), (err) => errors.push(err), { delayMs: 0, readyTimeoutMs: 25_000 });
    expect(shards.shardCount).toBe(2);
    expect(identified.map((d) => d.shard)).toEqual([[0, 2], [1, 2]]);

    const interaction = slash(fake, alice, 'lookup', { query: 'raft' });
    const callback = await callbackOf(fake, interaction);
    expect(callback.body).toMatchObject({ type: expect.any(Number) });
    await fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(interaction.token));
    expect(errors).toEqual([]);

    // The manager's /metrics shows the turn a shard process handled, summed with its own (none).
    const managerMetrics = createMetrics(() => 0);
    managerMetrics.include(() => shards!.metrics());
    const running = shards;
    let shown = '';
    for (let n = 0; n < 200 && !/^quorum_turns_total\{[^}]*platform="discord"[^}]*\} 1$/m.test(shown); n++) {
      shown = await managerMetrics.render();
      if (n > 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(shown).toMatch(/^quorum_turns_total\{[^}]*kind="lookup"[^}]*\} 1$/m);
    expect((await running.metrics()).length).toBe(2);
    await shards.stop();
    shards = undefined;
    expect(errors).toEqual([]);
  }, 60_000);

  it('asks the gateway for the recommended shard count when DISCORD_SHARDS is auto', async () => {
    fake = await new FakeDiscord().start();
    const config = shardedConfig(fake, 'auto');
    expect(config.discord?.shards).toBe('auto');
    expect(await shardCount(config.discord!)).toBe(1);
    expect(fake.calls.some((c) => c.method === 'GET' && c.path === '/gateway/bot')).toBe(true);
  });
});
