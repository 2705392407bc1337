import { rm } from 'node:fs/promises';
import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { FakeDiscord, type RecordedCall } from '../test/discord/fake-discord.ts';
import { alice, slash } from '../test/discord/bot-harness.ts';
import { startSubject, type Subject } from './lib/child.ts';
import { figure, type Figure } from './lib/figures.ts';
import { newStoreDir } from './lib/seed-store.ts';
import { summarize } from './lib/stats.ts';
import { mixedQueries } from './lookup-bench.ts';

/** ms from dispatching `interaction` on the fake gateway to the first REST call that matches. */
async function timeTo(fake: FakeDiscord, interaction: { id: string }, dispatchedAt: number, match: (c: RecordedCall) => boolean): Promise<number> {
  const call = await fake.waitFor(match, 10_000);
  return call.at - dispatchedAt;
}

/**
 * Figure 4: `/lookup query:<q>` dispatched on the fake gateway → the interaction callback at the
 * fake REST server. Quorum's bot (which defers at once, then edits in the answer) against a bare
 * discord.js bot that replies with an echo; each in its own process, one interaction at a time, alternating.
 */
export async function benchDiscord(options: { samples: number; warmup: number }): Promise<Figure[]> {
  const quorumFake = await new FakeDiscord().start();
  const bareFake = await new FakeDiscord().start();
  const dir = await newStoreDir();
  const quorum: Subject<{ errors: number }> = await startSubject('quorum-discord', [quorumFake.apiUrl, dir, quorumFake.applicationId]);
  const bare: Subject<{ rss: number }> = await startSubject('bare-discord', [bareFake.apiUrl]);
  let finished: { errors: number } | undefined;
  try {
    const q = { callback: [] as number[], answer: [] as number[] };
    const b: number[] = [];
    const queries = mixedQueries(loadCatalog(), options.samples + options.warmup, 4);
    for (const [i, query] of queries.entries()) {
      const start = performance.now();
      const bi = slash(bareFake, alice, 'lookup', { query });
      const bareCallback = await timeTo(bareFake, bi, start, (c) => c.path === `/interactions/${bi.id}/${bi.token}/callback`);

      const qStart = performance.now();
      const qi = slash(quorumFake, alice, 'lookup', { query });
      const callback = await timeTo(quorumFake, qi, qStart, (c) => c.path === `/interactions/${qi.id}/${qi.token}/callback`);
      const answer = await timeTo(quorumFake, qi, qStart, (c) => c.method === 'PATCH' && c.path.endsWith(`/${qi.token}/messages/@original`));
      if (i < options.warmup) continue;
      b.push(bareCallback);
      q.callback.push(callback);
      q.answer.push(answer);
    }
    finished = await quorum.finish();
    const [qc, qa, bc] = [summarize(q.callback), summarize(q.answer), summarize(b)];
    return [
      figure('4 discord interaction → callback p50', qc.p50, 'ms', { baseline: bc.p50, target: { maxRatio: 1.5 } }),
      figure('4 discord interaction → callback p99', qc.p99, 'ms', { baseline: bc.p99 }),
      figure('4 discord interaction → answer (edit of deferred reply) p50', qa.p50, 'ms', { baseline: bc.p50 }),
      figure('4 discord interaction → answer p99', qa.p99, 'ms', { baseline: bc.p99 }),
      figure('4 discord errors logged by Quorum', finished.errors, 'errors', { target: { maxValue: 0 } }),
    ];
  } finally {
    if (!finished) await quorum.finish().catch(() => undefined);
    await bare.finish().catch(() => undefined);
    await quorumFake.close();
    await bareFake.close();
    await rm(dir, { recursive: true, force: true });
  }
}
