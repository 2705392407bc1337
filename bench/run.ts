/**
 * `npm run bench [-- --quick]`: measures Quorum's speed and memory against bare baselines in the
 * same run (issue 8), prints a table and writes bench/results.json. See README "Benchmarks".
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchAnswers } from './answers-bench.ts';
import { benchAssess, benchFirstAnswer } from './assess-bench.ts';
import { benchDiagram } from './diagram-bench.ts';
import { benchDiscord } from './discord-bench.ts';
import { figure, formatTable, writeResults, type Figure } from './lib/figures.ts';
import { newStoreDir } from './lib/seed-store.ts';
import { benchHostileTurns, benchSaveGrowth } from './hostile-bench.ts';
import { benchLookup } from './lookup-bench.ts';
import { benchSlackConcurrency, benchSlackRoundTrip } from './slack-bench.ts';
import { benchProductionStart } from './production-start-bench.ts';
import { benchColdStart, benchMemory } from './start-memory-bench.ts';
import { GrowingStore, storeFigures, type StoreSize } from './store-bench.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
const quick = Boolean(values.quick);

/** Sizes and sample counts: the full run (about 10 minutes) and --quick (under a minute). */
const plan = quick
  ? { diagramSets: 20, diagramSamples: 20, lookupRounds: 1, assessSets: 100, assessRounds: 2, storeSizes: [1000, 1500, 2000], storeSamples: 100, sessions: 100, slackSamples: 60, discordSamples: 40, warmup: 10, interviews: 15, coldRuns: 1 }
  : { diagramSets: 60, diagramSamples: 200, lookupRounds: 5, assessSets: 300, assessRounds: 3, storeSizes: [1000, 10_000, 100_000], storeSamples: 500, sessions: 1000, slackSamples: 500, discordSamples: 300, warmup: 50, interviews: 200, coldRuns: 5 };

const loadavg = () => os.loadavg().map((x) => Number(x.toFixed(2)));
const figures: Figure[] = [];
const started = Date.now();
const loadAtStart = loadavg();
const only = values.only?.split(',');
const wanted = (n: string) => !only || only.includes(n);

async function section(name: string, run: () => Promise<Figure[]>): Promise<void> {
  if (!wanted(name)) return;
  const t = Date.now();
  process.stderr.write(`bench: ${name} …`);
  try {
    figures.push(...(await run()));
    process.stderr.write(` ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  } catch (err) {
    // One broken section must not cost the figures of the others; it shows as a failed figure.
    figures.push(figure(`${name} section failed`, 1, 'error', { target: { maxValue: 0 } }));
    process.stderr.write(` failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
}

await section('lookup', () => benchLookup({ queries: 1000, rounds: plan.lookupRounds }));
await section('answers', () => benchAnswers({ rounds: plan.lookupRounds * 4 }));
await section('assess', () => benchAssess({ sets: plan.assessSets, rounds: plan.assessRounds }));
await section('first-answer', () => benchFirstAnswer());

// The store grows through its sizes; the memory subject saves the designs of the last step itself.
if (wanted('store')) {
  const dir = await newStoreDir();
  try {
    const store = new GrowingStore(dir);
    const sizes: StoreSize[] = [];
    const [last, ...earlier] = [...plan.storeSizes].reverse();
    await section('store', async () => {
      for (const size of earlier.reverse()) sizes.push(await store.measure(plan.storeSamples, await store.grow(size)));
      return [];
    });
    await section('memory', async () => {
      const from = store.designs;
      const t = Date.now();
      const got = await benchMemory({ dir, from, to: last!, sessions: plan.sessions });
      store.grownElsewhere(last!);
      const seconds = (Date.now() - t) / 1000;
      sizes.push(await store.measure(plan.storeSamples, seconds));
      return got;
    });
    figures.push(...storeFigures(sizes));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await section('hostile', () => benchHostileTurns({ quick }));
await section('save-growth', () => benchSaveGrowth({ quick }));
await section('slack', () => benchSlackRoundTrip({ samples: plan.slackSamples, warmup: plan.warmup }));
await section('concurrency', () => benchSlackConcurrency({ interviews: plan.interviews }));
await section('concurrency-faults', () => benchSlackConcurrency({ interviews: plan.interviews, faultEveryPosts: 50 }));
await section('discord', () => benchDiscord({ samples: plan.discordSamples, warmup: plan.warmup }));
await section('cold-start', () => benchColdStart({ runs: plan.coldRuns }));
// 15 alternating starts each: on this 2-core machine windows of 9 put the ratio of medians anywhere in 1.26-1.46
// for one build (60 starts in a row), windows of 15 in 1.31-1.40.
await section('production-start', () => benchProductionStart({ runs: 15, sourceRuns: 3 }));
await section('diagram', () => benchDiagram({ sets: plan.diagramSets, samples: plan.diagramSamples }));

const order = (f: Figure) => Number(/^\d+/.exec(f.name)?.[0] ?? 99);
figures.sort((a, b) => order(a) - order(b));
const context = {
  mode: quick ? 'quick' : 'full',
  seconds: Math.round((Date.now() - started) / 1000),
  loadavgAtStart: loadAtStart,
  loadavgAtEnd: loadavg(),
  cpus: os.cpus().length,
  node: process.version,
  at: new Date().toISOString(),
};
console.log(formatTable(figures));
const failed = figures.filter((f) => f.pass === false).map((f) => f.name);
console.log(`\n${context.mode} run, ${context.seconds} s, load average ${context.loadavgAtStart.join(' ')} at start, ${context.loadavgAtEnd.join(' ')} at end (${context.cpus} CPUs).`);
console.log(failed.length === 0 ? 'Every target met.' : `Targets missed: ${failed.join('; ')}.`);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
await writeResults(out, figures, context);
console.log(`Wrote ${path.relative(process.cwd(), out)}.`);
