import { isUserError } from '../errors.ts';
import type { DesignOutcome } from '../rules/assessor.ts';
import type { Requirements } from '../rules/requirements.ts';
import type { Interview, InterviewStep } from './interview-schema.ts';
import { applyValues, holds } from './interview-flow.ts';
import { readStepAnswer } from './interview-answers.ts';

/** A question worth asking: its step, and why its answer matters for this design. */
export interface DecisiveQuestion {
  stepId: string;
  why: string;
}

/** A design's outcome for requirements (the core passes its assessor in; the ranking itself does no I/O). */
export type AssessFn = (requirements: Requirements) => Promise<DesignOutcome>;

/** What an assessment recommends and judges, as comparable strings. */
function outcome(a: DesignOutcome): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of a.capabilities) out.set(`capability ${c.id}`, c.id);
  for (const p of a.primitives) out.set(`primitive ${p.id}`, `${p.name} (${p.id})`);
  for (const p of a.patterns) out.set(`pattern ${p.id}`, p.name);
  for (const c of a.validation.checks) if (c.pass !== null) out.set(`check ${c.id} ${String(c.pass)}`, `the ${c.id} check`);
  return out;
}

function changes(base: Map<string, string>, probe: Map<string, string>): string[] {
  const names = new Set<string>();
  for (const [key, name] of probe) if (!base.has(key)) names.add(name);
  for (const [key, name] of base) if (!probe.has(key)) names.add(name);
  return [...names];
}

type Probe = { said: string; values: Readonly<Record<string, unknown>> };

/** Each step's probes, read once: they depend on the step alone, not on the design being ranked. */
const probesRead = new WeakMap<InterviewStep, readonly Probe[]>();

/** The answers a step is probed with: its `probe` answer, or each of its options on its own for a grouped step. */
function probes(step: InterviewStep): readonly Probe[] {
  let known = probesRead.get(step);
  if (!known) probesRead.set(step, (known = readProbes(step)));
  return known;
}

function readProbes(step: InterviewStep): Probe[] {
  const answers = step.type === 'flags' ? step.options.map((o) => o.label) : step.probe !== undefined ? [step.probe] : [];
  const out: Probe[] = [];
  for (const said of answers) {
    try {
      out.push({ said, values: readStepAnswer(step, said) });
    } catch (err) {
      if (!isUserError(err)) throw err;
    }
  }
  return out;
}

/**
 * The questions whose answer would change this design, most decisive first: each open step is probed with a
 * telling answer (data/interview.json `probe`, or each option of a grouped step), and the step counts by how
 * many recommended items and judged checks that answer changes. Steps that change nothing are left out.
 */
export async function decisiveQuestions(interview: Interview, requirements: Requirements, assess: AssessFn, limit: number): Promise<DecisiveQuestion[]> {
  const base = outcome(await assess(requirements));
  const ranked: Array<DecisiveQuestion & { weight: number; order: number }> = [];
  for (const [order, step] of interview.steps.entries()) {
    const open = step.fields.every((f) => (requirements as Record<string, unknown>)[f] === undefined);
    if (!open || (step.skipIf && holds(step.skipIf, requirements))) continue;
    let best: { weight: number; why: string } | undefined;
    for (const probe of probes(step)) {
      const changed = changes(base, outcome(await assess(applyValues(requirements, probe.values))));
      if (changed.length === 0 || (best && best.weight >= changed.length)) continue;
      const shown = changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
      best = { weight: changed.length, why: `Why it matters: answered "${probe.said}", it changes ${shown}.` };
    }
    if (best) ranked.push({ stepId: step.id, why: best.why, weight: best.weight, order });
  }
  ranked.sort((a, b) => b.weight - a.weight || a.order - b.order);
  return ranked.slice(0, limit).map(({ stepId, why }) => ({ stepId, why }));
}
