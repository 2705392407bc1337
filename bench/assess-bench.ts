import { Engine } from 'json-rules-engine';
import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { createAssessor } from '../src/rules/assessor.ts';
import { deriveFacts } from '../src/rules/facts.ts';
import { figure, type Figure } from './lib/figures.ts';
import { requirementsMix } from './lib/requirements-mix.ts';
import { decisiveQuestions } from '../src/dialog/interview-decisive.ts';
import { loadInterview } from '../src/dialog/interview-schema.ts';
import { readWords } from '../src/rules/parse-requirements.ts';
import { Requirements } from '../src/rules/requirements.ts';
import { loadDescriptions } from '../test/words/accuracy.ts';
import { summarize, timeEach } from './lib/stats.ts';

/**
 * Adds up the wall time during which at least one json-rules-engine `run` is in progress while `work` runs,
 * by wrapping the library's prototype method for the duration (our own modules are left as they are). The
 * rules run in groups whose runs overlap, so time is counted from the first run starting to the last ending.
 */
async function timeInsideEngine(work: () => Promise<void>): Promise<number> {
  const original = Engine.prototype.run;
  let inside = 0;
  let running = 0;
  let since = 0n;
  Engine.prototype.run = async function (this: Engine, ...args: Parameters<Engine['run']>) {
    if (running++ === 0) since = process.hrtime.bigint();
    try {
      return await original.apply(this, args);
    } finally {
      if (--running === 0) inside += Number(process.hrtime.bigint() - since) / 1e6;
    }
  };
  try {
    await work();
  } finally {
    Engine.prototype.run = original;
  }
  return inside;
}

/**
 * Figure 2: assess latency over varied requirement sets, against a bare one-rule engine over the same facts.
 * The rules' groups remember their recent runs (src/rules/rule-engine.ts), so every timed set is one the
 * assessor has not seen: the warm-up runs on sets of its own, and the rounds are fresh sets, not repeats. The
 * same sets are also timed with that memory off (every rule run every time), so both costs show.
 */
export async function benchAssess(options: { sets: number; rounds: number }): Promise<Figure[]> {
  const catalog = loadCatalog();
  const assessor = await createAssessor({ catalog });
  const forgetful = await createAssessor({ catalog, ruleMemory: 0 });
  const n = options.sets * options.rounds;
  const all = requirementsMix(2 * n);
  const warmup = all.slice(n);
  const sets = all.slice(0, n);
  const facts = sets.map((r) => deriveFacts(r));

  const bare = new Engine([], { allowUndefinedFacts: true });
  bare.addRule({ conditions: { all: [{ fact: 'peakFactor', operator: 'greaterThanInclusive', value: 1 }] }, event: { type: 'trivial' } });
  const baseline = summarize(await timeEach(n, n, (i) => bare.run(facts[i]!)));
  for (const r of warmup) {
    await assessor.assess(r);
    await forgetful.assess(r);
  }
  // Alternating the two assessors, sample by sample, so both see the same machine load.
  const remembering: number[] = [];
  const whole: number[] = [];
  for (const r of sets) {
    remembering.push(...(await timeEach(1, 0, () => assessor.assess(r))));
    whole.push(...(await timeEach(1, 0, () => forgetful.assess(r))));
  }
  const measured = summarize(remembering);
  const cold = summarize(whole);

  // The share is measured in a pass of its own (over the warm-up sets), so the wrapper's cost does not touch the latencies above.
  const shareAssessor = await createAssessor({ catalog });
  let total = 0;
  const inEngine = await timeInsideEngine(async () => {
    const start = process.hrtime.bigint();
    for (const r of warmup) await shareAssessor.assess(r);
    total = Number(process.hrtime.bigint() - start) / 1e6;
  });
  return [
    figure('2 assess p50', measured.p50, 'ms', { baseline: baseline.p50 }),
    figure('2 assess p99', measured.p99, 'ms', { baseline: baseline.p99, target: { maxValue: 5 } }),
    figure('2 assess p50, rule memory off', cold.p50, 'ms', { baseline: baseline.p50 }),
    figure('2 assess p99, rule memory off', cold.p99, 'ms', { baseline: baseline.p99 }),
    figure('2 assess share in json-rules-engine', (100 * inEngine) / total, '%'),
  ];
}

/**
 * Figure 2b: an interview's first answer in the core's terms: the description's first card (assess) and the
 * ranking of the questions that would change it (~20–40 outcomes), CPU per description of the descriptions
 * table (test/words), each read by the words reader and answered once by a fresh assessor.
 */
export async function benchFirstAnswer(): Promise<Figure[]> {
  const catalog = loadCatalog();
  const interview = loadInterview();
  const readings = loadDescriptions().map((d) => Requirements.parse(readWords(d.text).requirements));
  const cpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const answer = async (assessor: Awaited<ReturnType<typeof createAssessor>>, r: Requirements) => {
    await assessor.assess(r);
    await decisiveQuestions(interview, r, (q) => assessor.outcome(q), 5);
  };
  const warm = await createAssessor({ catalog });
  for (const r of readings) await answer(warm, r);
  const assessor = await createAssessor({ catalog });
  const samples: number[] = [];
  for (const r of readings) {
    const start = cpuMs();
    await answer(assessor, r);
    samples.push(cpuMs() - start);
  }
  const got = summarize(samples);
  return [
    figure('2b interview first answer CPU p50 (assess + ranking)', got.p50, 'ms'),
    figure('2b interview first answer CPU mean', got.mean, 'ms'),
  ];
}
