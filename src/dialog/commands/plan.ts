import { showPlan } from '../plan-effects.ts';
import { answered, defineCommand } from './command.ts';

/** `plan [<milestone or vN>]`: the plan of this thread's design. */
export const planCommand = defineCommand<{ ref?: string }>({
  name: 'plan',
  phrases: ['plan'],
  verbs: ['plan'],
  parse: (arg) => (arg === '' ? {} : { ref: arg }),
  run: (ctx, { ref }) => answered(showPlan(ctx, ref)),
});
