import { helpReply } from '../replies/help-reply.ts';
import { answered, defineCommand } from './command.ts';

/** `help`: the list of chat commands (with the interview's own choices while one runs). */
export const helpCommand = defineCommand({
  name: 'help',
  phrases: ['help', 'commands'],
  verbs: ['help'],
  parse: () => ({}),
  run: (ctx) => answered(helpReply(ctx.state.mode === 'interviewing')),
});
