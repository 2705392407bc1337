import { planDigest } from '../plan-effects.ts';
import { answered, defineCommand } from './command.ts';

/** `plan all` (or `plans`): the open high items of every design in this channel. Listed before `plan`. */
export const planAllCommand = defineCommand({
  name: 'planAll',
  phrases: ['plan all', 'plans'],
  verbs: ['plan'],
  parse: (arg) => (/^all$/i.test(arg) ? {} : undefined),
  run: async (ctx) => answered(await planDigest(ctx)),
});
