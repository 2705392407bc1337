import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { requirementFields, type RequirementField } from '../rules/requirements.ts';
import { dataPath } from '../project-paths.ts';
import { checkData } from '../checked-data.ts';
import { checkedOnce } from '../checked-once.ts';

const fieldName = z.string().refine((f) => (requirementFields as string[]).includes(f), {
  message: 'is not a requirements field (see src/rules/requirements.ts)',
});

/** A condition on earlier answers, kept in data: compares one requirements field, or combines conditions. */
export type Condition =
  | { field: string; op: 'eq' | 'ne' | 'lt' | 'gt'; value: string | number | boolean }
  | { field: string; op: 'in' | 'notIn'; value: Array<string | number | boolean> }
  | { field: string; op: 'set' | 'unset' }
  | { all: Condition[] }
  | { any: Condition[] };

const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldName, op: z.enum(['eq', 'ne', 'lt', 'gt']), value: scalar }),
    z.strictObject({ field: fieldName, op: z.enum(['in', 'notIn']), value: z.array(scalar).min(1) }),
    z.strictObject({ field: fieldName, op: z.enum(['set', 'unset']) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
  ]),
);

const ChoiceData = z.strictObject({ label: z.string().min(1).max(80), value: z.string().min(1).max(200) });

/** A yes/no requirement offered inside a grouped "which of these apply?" step. */
const FlagOption = z.strictObject({
  field: fieldName,
  label: z.string().min(1),
  /** Words that, typed in an answer, mean "this one applies". */
  synonyms: z.array(z.string().min(1)).min(1),
});

const common = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  question: z.string().min(1),
  help: z.string().min(1),
  examples: z.array(z.string()).default([]),
  skipIf: Condition.optional(),
  /** A telling answer: if it would change the design, the question is worth asking after the first card. */
  probe: z.string().min(1).optional(),
};

/** A step that asks for one field; the answer goes through the field's parser. */
const ValueStep = z.strictObject({
  ...common,
  type: z.literal('value'),
  fields: z.tuple([fieldName]),
  choices: z.array(ChoiceData).max(10).default([]),
  /** Answers that leave the field unset on purpose (like "let the domain decide"). */
  unsetAnswers: z.array(z.string()).default([]),
});

/** A step that asks which of several yes/no fields apply; the ones named become true, the rest false. */
const FlagsStep = z.strictObject({
  ...common,
  type: z.literal('flags'),
  fields: z.array(fieldName).min(1),
  options: z.array(FlagOption).min(1),
  choices: z.array(ChoiceData).max(10).default([]),
});

/** One interview step, as written in data/interview.json. */
export const InterviewStep = z.discriminatedUnion('type', [ValueStep, FlagsStep]);
export type InterviewStep = z.infer<typeof InterviewStep>;

/** The whole interview: its steps in the order they are asked. */
export const Interview = z
  .strictObject({
    schemaVersion: z.literal(1),
    steps: z.array(InterviewStep).min(1),
    /** Steps asked before the first card when the description stated nothing to assess. */
    firstCard: z.array(z.string()).max(5).default([]),
  })
  .superRefine((interview, ctx) => {
    const seen = new Set<string>();
    for (const id of interview.firstCard) {
      if (!interview.steps.some((s) => s.id === id)) ctx.addIssue({ code: 'custom', path: ['firstCard'], message: `no step ${id}` });
    }
    for (const [i, step] of interview.steps.entries()) {
      if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id ${step.id}` });
      seen.add(step.id);
      if (step.type === 'flags') {
        const optionFields = step.options.map((o) => o.field).sort().join(',');
        if (optionFields !== [...step.fields].sort().join(',')) {
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'options'], message: 'options must cover exactly the step fields' });
        }
      }
    }
  });
export type Interview = z.infer<typeof Interview>;

const defaultPath = dataPath('interview.json');

/** Reads and checks the interview steps; a broken file throws an error naming the file and the problem. */
export function loadInterview(path: string = defaultPath): Interview {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read the interview (${(err as Error).message})`);
  }
  return checkData('interview.json', text, () => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new Error(`${path}: cannot read the interview (${(err as Error).message})`);
    }
    const parsed = Interview.safeParse(raw, checkedOnce);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${path}: the interview is not valid: ${problems}`);
    }
    return parsed.data;
  });
}

/** The requirement fields a step asks for, typed. */
export function stepFields(step: InterviewStep): RequirementField[] {
  return step.fields as RequirementField[];
}
