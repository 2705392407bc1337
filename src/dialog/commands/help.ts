import { helpReply } from '../replies/help-reply.ts';
import { answered, defineCommand } from './command.ts';

/**
 * `help`: the list of chat commands (with the interview's own choices while one runs). "help with
 * the database" or "help me pick a queue" is a question, not a request for the command list.
 */
export const helpCommand = defineCommand({
  name: 'help',
  storeFree: true,
  phrases: ['help', 'commands'],
  verbs: ['help'],
  parse: (arg) => (arg.trim().split(/\s+/).length >= 2 ? undefined : {}),
  run: (ctx) => answered(helpReply(ctx.state.mode === 'interviewing')),
});
