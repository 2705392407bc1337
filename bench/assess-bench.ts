import { Engine } from 'json-rules-engine';
import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { createAssessor } from '../src/rules/assessor.ts';
import { deriveFacts } from '../src/rules/facts.ts';
import { figure, type Figure } from './lib/figures.ts';
import { requirementsMix } from './lib/requirements-mix.ts';
import { summarize, timeEach } from './lib/stats.ts';

/**
 * Adds up the time spent inside every json-rules-engine `run` while `work` runs, by wrapping the
 * library's prototype method for the duration (our own modules are left as they are).
 */
async function timeInsideEngine(work: () => Promise<void>): Promise<number> {
  const original = Engine.prototype.run;
  let inside = 0;
  Engine.prototype.run = async function (this: Engine, ...args: Parameters<Engine['run']>) {
    const start = process.hrtime.bigint();
    try {
      return await original.apply(this, args);
    } finally {
      inside += Number(process.hrtime.bigint() - start) / 1e6;
    }
  };
  try {
    await work();
  } finally {
    Engine.prototype.run = original;
  }
  return inside;
}

/** Figure 2: assess latency over varied requirement sets, against a bare one-rule engine over the same facts. */
export async function benchAssess(options: { sets: number; rounds: number }): Promise<Figure[]> {
  const catalog = loadCatalog();
  const assessor = await createAssessor({ catalog });
  const sets = requirementsMix(options.sets);
  const facts = sets.map((r) => deriveFacts(r));
  const n = sets.length * options.rounds;

  const bare = new Engine([], { allowUndefinedFacts: true });
  bare.addRule({ conditions: { all: [{ fact: 'peakFactor', operator: 'greaterThanInclusive', value: 1 }] }, event: { type: 'trivial' } });
  const baseline = summarize(await timeEach(n, n, (i) => bare.run(facts[i % facts.length]!)));
  const measured = summarize(await timeEach(n, n, (i) => assessor.assess(sets[i % sets.length]!)));

  // The share is measured in a pass of its own, so the wrapper's cost does not touch the latencies above.
  let total = 0;
  const inEngine = await timeInsideEngine(async () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await assessor.assess(sets[i % sets.length]!);
    total = Number(process.hrtime.bigint() - start) / 1e6;
  });
  return [
    figure('2 assess p50', measured.p50, 'ms', { baseline: baseline.p50 }),
    figure('2 assess p99', measured.p99, 'ms', { baseline: baseline.p99, target: { maxValue: 5 } }),
    figure('2 assess share in json-rules-engine', (100 * inEngine) / total, '%'),
  ];
}
