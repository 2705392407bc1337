import { nameMilestone } from '../plan-effects.ts';
import { requireArg } from './command-args.ts';
import { defineCommand } from './command.ts';

/** `milestone <name>`: names the latest version, so `plan <name>` and `export <name>` find it later. */
export const milestoneCommand = defineCommand<{ name: string }>({
  name: 'milestone',
  verbs: ['milestone'],
  parse: (arg) => ({ name: requireArg(arg, 'milestone <name>').slice(0, 100) }),
  async run(ctx, { name }) {
    const outcome = await nameMilestone(ctx, name);
    return { replies: outcome.replies, ...(outcome.saved && { saved: outcome.saved }) };
  },
});
