import { randomBytes } from 'node:crypto';
import { UserError } from '../../errors.ts';
import type { WorkspaceContents } from '../ports/design-store.ts';
import { errorReply, infoReply } from '../replies/basic-replies.ts';
import type { Reply } from '../reply.ts';
import type { SessionState } from '../session-state.ts';
import { answered, defineCommand, type CommandContext, type CommandOutcome } from './command.ts';

/** How long a forget-workspace question may be confirmed. */
const confirmWithinMs = 10 * 60_000;

type Step = { step: 'ask' } | { step: 'confirm'; token?: string } | { step: 'cancel' };

/**
 * `forget-workspace`: deletes every design and conversation Quorum keeps for this workspace, after a
 * confirmation that says how many designs and threads go. Only a workspace admin may ask and confirm;
 * the confirmation is this person's own (kept in their session, with a token on the button), lapses
 * after ten minutes, and is asked again when the workspace's designs changed meanwhile.
 */
export const forgetWorkspaceCommand = defineCommand<Step>({
  name: 'forget-workspace',
  phrases: ['forget-workspace', 'forget workspace'],
  verbs: ['forget-workspace'],
  adminOnly: true,
  parse(arg) {
    const [word, token, ...rest] = arg.trim().split(' ');
    if (!word) return { step: 'ask' };
    if (word.toLowerCase() === 'confirm' && rest.length === 0) return token ? { step: 'confirm', token } : { step: 'confirm' };
    if (word.toLowerCase() === 'cancel' && !token) return { step: 'cancel' };
    throw new UserError('bad_argument', 'forget-workspace takes no argument.', { hint: 'Type forget-workspace, then confirm when asked.' });
  },
  async run(ctx, args) {
    if (!ctx.turn.admin) {
      return answered(errorReply('not_admin', 'Only an admin of this workspace can make Quorum forget it. Nothing was deleted.'));
    }
    if (args.step === 'cancel') {
      return { replies: [infoReply('Kept everything; nothing was deleted.')], state: withoutRequest(ctx.state) };
    }
    const contents = await ctx.store.workspaceContents(ctx.turn.platform, ctx.turn.workspace);
    if (args.step === 'ask') return ask(ctx, contents, '');
    const pending = ctx.state.forgetWorkspace;
    const fresh = pending && pending.by === ctx.turn.user && Date.parse(ctx.now) - Date.parse(pending.at) <= confirmWithinMs;
    if (!pending || !fresh || (args.token !== undefined && args.token !== pending.token)) {
      return answered(errorReply('stale_confirmation', 'That confirmation is not (or no longer) yours to give, so nothing was deleted.', 'Type forget-workspace to be asked again.'));
    }
    // A new or deleted design changes what the person agreed to; a conversation started since (this
    // question's own, for one) does not, and the reply after says exactly what went.
    if (contents.designs !== pending.designs) {
      return ask(ctx, contents, 'The workspace changed since you asked, so nothing was deleted yet. ');
    }
    const deleted = await ctx.store.deleteWorkspace(ctx.turn.platform, ctx.turn.workspace);
    const reply = infoReply(`Forgot this workspace: deleted ${designsIn(deleted)}. Nothing else is kept about it here; say design to start afresh.`);
    // The store no longer holds this thread's session either, so the core writes nothing back.
    return { replies: [reply], sessionDeleted: true };
  },
});

function ask(ctx: CommandContext, contents: WorkspaceContents, lead: string): CommandOutcome {
  const token = randomBytes(6).toString('hex');
  const request = { by: ctx.turn.user, at: ctx.now, token, ...contents };
  // Not a 'question': its buttons are checked by the request's token and asker, not by the session's
  // version, so someone else's turn in a shared channel conversation does not void the asker's button.
  const reply: Reply = {
    kind: 'info',
    text:
      `${lead}Forget this workspace? This deletes ${designsIn(contents)} that Quorum keeps for it, in every channel, ` +
      'with every version and plan. It cannot be undone. Confirm within ten minutes (type forget-workspace confirm), or cancel.',
    choices: [
      { label: 'Yes, forget this workspace', value: `forget-workspace confirm ${token}` },
      { label: 'No, keep everything', value: 'forget-workspace cancel' },
    ],
  };
  return { replies: [reply], state: { ...ctx.state, forgetWorkspace: request } };
}

function withoutRequest(state: SessionState): SessionState {
  const { forgetWorkspace: _request, ...rest } = state;
  return rest;
}

function designsIn({ designs, threads }: WorkspaceContents): string {
  const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(designs, 'design')} and the conversations of ${plural(threads, 'thread')}`;
}
