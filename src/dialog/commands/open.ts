import { latestOf } from '../design-versions.ts';
import { matchDesign, switchedState, unsavedAnswers } from '../open-design.ts';
import { errorReply, infoReply } from '../replies/basic-replies.ts';
import { cardReply } from '../replies/card-reply.ts';
import { noMatchReply, severalReply, unsavedReply } from '../replies/open-replies.ts';
import { requireArg } from './command-args.ts';
import { answered, defineCommand } from './command.ts';

const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * `open <name or id>`: switches this thread to a saved design of this channel (only this channel's are
 * searched); every later command acts on it. A name that fits several, or none, gets the candidates.
 */
export const openCommand = defineCommand<{ query: string }>({
  name: 'open',
  verbs: ['open'],
  // "open source queues?" is a question, not a design to open.
  parse: (arg) => (arg.trim().endsWith('?') ? undefined : { query: requireArg(arg.trim(), 'open <name or id>').slice(0, 200) }),
  async run(ctx, { query }) {
    const { platform, workspace, channel } = ctx.home;
    const match = matchDesign(await ctx.store.listDesigns({ platform, workspace, channel }), query);
    if (match.tag === 'several') return answered(severalReply(query, match.designs));
    if (match.tag === 'none') return answered(noMatchReply(query, match.recent));
    const summary = match.design;
    if (summary.key.thread === ctx.key.thread) {
      return answered(infoReply(`"${summary.title}" (${summary.id}) is already open in this thread.`, [{ label: 'Card', value: 'card' }, { label: 'Designs', value: 'designs' }]));
    }
    const lost = unsavedAnswers(ctx.state, ctx.snapshot);
    if (lost > 0) return answered(unsavedReply(lost, `open ${summary.id}`));
    const design = await ctx.store.getDesign(summary.key);
    if (!design) return answered(errorReply('design_not_found', `"${summary.title}" was deleted a moment ago.`, 'Type designs to see the others.'));
    const latest = latestOf(design);
    const guessed = match.guessed ? ` (the closest to "${query}")` : '';
    const head = `Opened "${design.title}"${guessed}: ${design.id}, version ${latest.version}, saved ${when(latest.savedAt)} by ${latest.savedBy}. Every command now acts on it; designs lists the others.`;
    return {
      state: switchedState(ctx.state, ctx.home, design.key.thread, latest.version),
      replies: [infoReply(head), cardReply(design, latest, false)],
    };
  },
});
