import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LongValues } from '../src/adapters/discord/custom-id.ts';
import { renderReply } from '../src/adapters/discord/render-message.ts';
import { renderBlocks } from '../src/adapters/slack/render-blocks.ts';
import { renderText } from '../src/adapters/terminal/render-text.ts';
import { openFileStore } from '../src/store/file/open-file-store.ts';
import { makeCore } from '../test/helpers/dialog-harness.ts';
import { commandHeads, longWord, repeated, repeatedPieces } from '../test/helpers/pathological-text.ts';
import { said } from '../test/helpers/turns.ts';
import { sampleVersion } from '../test/store/sample-version.ts';
import { figure, type Figure } from './lib/figures.ts';
import { summarize } from './lib/stats.ts';

/** The hostile corpus: every command head with long words and pathological repetitions, at the longest length read and at 1 MB. */
function hostileCorpus(quick: boolean): string[] {
  const lengths = quick ? [4000] : [4000, 1_000_000];
  const corpus: string[] = [];
  for (const head of commandHeads) {
    for (const length of lengths) {
      corpus.push(`${head}${longWord(Math.min(length, 700), head.length + 1)}`, `${head}${longWord(length - head.length, 7)}`);
      for (const piece of quick ? repeatedPieces.slice(0, 30) : repeatedPieces) corpus.push(repeated(head, piece, length, '+'));
    }
  }
  return corpus;
}

/**
 * Worst-case turn time (issue 13): each hostile message through the core (memory store) and every
 * renderer (median of three runs per input), against an ordinary turn ("show P5") as the baseline.
 * Target: at most 100 ms each.
 */
export async function benchHostileTurns(options: { quick: boolean }): Promise<Figure[]> {
  const { core } = await makeCore();
  const values = new LongValues();
  const turn = async (text: string, thread: string): Promise<number> => {
    const start = performance.now();
    const { replies } = await core.handle(said(text, 'bench', { thread }));
    for (const reply of replies) {
      renderBlocks(reply, { context: { thread: '1700000000.000100' } });
      renderReply(reply, { designVersion: 0, values });
      renderText(reply);
    }
    return performance.now() - start;
  };
  for (let i = 0; i < 20; i++) await turn('show P5', 'warm');
  const corpus = hostileCorpus(options.quick);
  // Warm every path once (lazy tables, JIT), so the figure is the steady worst case, not a first call.
  for (const [i, text] of corpus.entries()) if (i % 5 === 0) await turn(text, 'warm');
  const times: number[] = [];
  let worst = { ms: 0, text: '' };
  for (const [i, text] of corpus.entries()) {
    // Each input's time is the median of three runs: the figure is the costliest input, not the
    // unluckiest scheduling slice of a shared machine.
    const runs = [await turn(text, `t${i % 8}`), await turn(text, `u${i % 8}`), await turn(text, `v${i % 8}`)].sort((a, b) => a - b);
    const ms = runs[1]!;
    times.push(ms);
    if (ms > worst.ms) worst = { ms, text };
  }
  const ordinary: number[] = [];
  for (let i = 0; i < 200; i++) {
    const runs = [await turn('show P5', 'plain'), await turn('show P5', 'plain'), await turn('show P5', 'plain')].sort((a, b) => a - b);
    ordinary.push(runs[1]!);
  }
  process.stderr.write(` (worst: ${worst.ms.toFixed(1)} ms for ${JSON.stringify(worst.text.slice(0, 40))}… of ${worst.text.length} chars)`);
  return [
    figure(`20 hostile turn worst of ${corpus.length}`, worst.ms, 'ms', { baseline: Math.max(...ordinary), target: { maxValue: 100 } }),
    figure('20 hostile turn p99', summarize(times).p99, 'ms', { baseline: summarize(ordinary).p99 }),
  ];
}

/**
 * Save cost as one design grows (issue 13): p99 of a save in a channel whose design already holds
 * 1,000 versions against one holding 10, in the file store. Target: within 2x.
 */
export async function benchSaveGrowth(options: { quick: boolean }): Promise<Figure[]> {
  // Enough saves that p99 is not one pause of the collector or the disk.
  const samples = options.quick ? 200 : 1000;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quorum-bench-growth-'));
  const store = await openFileStore(dir);
  try {
    // Small and long designs in one store, saved in turn, so both see the same disk, cache and collector.
    // Small designs stay near 10 versions (each of 50 gets samples/50 more); long ones start at 1,000.
    const thread = (name: string) => ({ key: { platform: 'bench', workspace: 'w', channel: 'c', thread: name }, latest: 0 });
    const small = Array.from({ length: 50 }, (_, i) => thread(`small-${i}`));
    const long = Array.from({ length: 5 }, (_, i) => thread(`long-${i}`));
    const save = async (t: ReturnType<typeof thread>): Promise<number> => {
      const start = performance.now();
      await store.designs.saveVersion(t.key, t.latest, sampleVersion('bench', { requirements: { writesPerSec: 100 + t.latest } }));
      t.latest += 1;
      return performance.now() - start;
    };
    for (const t of small) while (t.latest < 10) await save(t);
    for (const t of long) while (t.latest < 1000) await save(t);
    const at10: number[] = [];
    const at1000: number[] = [];
    for (let i = 0; i < samples; i++) {
      at10.push(await save(small[i % small.length]!));
      at1000.push(await save(long[i % long.length]!));
    }
    const p10 = summarize(at10).p99;
    return [
      figure('21 save p99 at 10 versions in one channel', p10, 'ms'),
      figure('21 save p99 at 1,000 versions in one channel', summarize(at1000).p99, 'ms', { baseline: p10, target: { maxRatio: 2 } }),
    ];
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
