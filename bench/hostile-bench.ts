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
  const samples = options.quick ? 40 : 150;
  const p99At = async (versions: number): Promise<number> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quorum-bench-growth-'));
    const store = await openFileStore(dir);
    try {
      const key = { platform: 'bench', workspace: 'w', channel: 'c', thread: 't' };
      let latest = 0;
      const save = async () => {
        await store.designs.saveVersion(key, latest, sampleVersion('bench', { requirements: { writesPerSec: 100 + latest } }));
        latest += 1;
      };
      while (latest < versions) await save();
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const start = performance.now();
        await save();
        times.push(performance.now() - start);
      }
      return summarize(times).p99;
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  };
  const at10 = await p99At(10);
  const at1000 = await p99At(1000);
  return [
    figure('21 save p99 at 10 versions in one channel', at10, 'ms'),
    figure('21 save p99 at 1,000 versions in one channel', at1000, 'ms', { baseline: at10, target: { maxRatio: 2 } }),
  ];
}
