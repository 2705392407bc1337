import { normalizeId } from '../../catalog/catalog.ts';
import { UserError } from '../../errors.ts';
import { statedFieldCount } from '../../rules/parse-requirements.ts';
import { answerText, startInterview, type Step } from '../interview-steps.ts';
import { newDesignSlot, switchedState, unsavedAnswers } from '../open-design.ts';
import { nameTakenReply, unsavedReply } from '../replies/open-replies.ts';
import { answered, defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** How many requirements the words after `design` must state to be read as the new design's description. */
const describedFields = 2;

/** A name as typed: one line, no surrounding quotes, at most 200 characters. */
function cleanName(arg: string): string {
  return arg.replace(/\s+/g, ' ').trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim().slice(0, 200);
}

/**
 * `design <name>`: starts a new design with that name in this thread, beside the ones it already has (they
 * are kept: `designs` lists them, `open` switches back). In a thread with no design yet the new one is the
 * thread's own. Words that state requirements ("design a payments ledger, 3k writes/s, four nines") are
 * read as its description, as the interview's first answer.
 */
export const designNamedCommand = defineCommand<{ name: string }>({
  name: 'designNamed',
  verbs: ['design'],
  parse: (arg) => {
    const name = cleanName(arg);
    if (normalizeId(name) === '') throw new UserError('bad_argument', 'A design name needs a letter or a digit, e.g. design Payments ledger.', { hint: 'design <name>' });
    return { name };
  },
  async run(ctx, { name }) {
    const steps = { interview: ctx.interview };
    // Typed as the answer to "What are you building?" of a fresh interview, the words are that answer.
    const s = ctx.state;
    if (s.mode === 'interviewing' && s.walk === 'describe' && s.answers.length === 0 && !ctx.design) return finishStep(ctx, answerText(s, steps, ctx.turn, name));
    const lost = unsavedAnswers(ctx.state, ctx.snapshot);
    if (lost > 0) return answered(unsavedReply(lost, `design ${name}`));
    const described = statedFieldCount(name) >= describedFields;
    if (!described) {
      const { platform, workspace, channel } = ctx.home;
      const taken = (await ctx.store.listDesigns({ platform, workspace, channel })).find((d) => normalizeId(d.title) === normalizeId(name));
      if (taken) return answered(nameTakenReply(taken));
    }
    // A thread whose open slot is empty keeps it; otherwise the new design gets a slot of its own.
    const slot = ctx.design ? newDesignSlot(ctx.home) : ctx.key.thread;
    const state = { ...switchedState(ctx.state, ctx.home, slot, 0), ...(!described && { title: name }) };
    const here = { ...ctx, key: { ...ctx.home, thread: slot }, state, design: undefined, snapshot: undefined };
    const started = startInterview(state, steps, 'design');
    if (described) return finishStep(here, answerText(started.state, steps, ctx.turn, name));
    const kept = ctx.design ? ` "${ctx.design.title}" is kept: designs lists this channel's designs, open switches back.` : '';
    return finishStep(here, withNote(started, `New design "${name}".${kept}`));
  },
});

/** The step with a note above its question. */
function withNote(step: Step, note: string): Step {
  return step.result.tag === 'ask' ? { ...step, result: { ...step.result, notes: [note, ...step.result.notes] } } : step;
}
