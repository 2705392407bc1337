import { changeItem } from '../plan-effects.ts';
import type { PlanChange } from '../plan/plan-change.ts';
import { defineCommand } from './command.ts';

const planVerbs: Record<string, PlanChange['action']> = { ack: 'ack', accept: 'ack', done: 'done', reopen: 'reopen', owner: 'owner', assign: 'owner' };

/**
 * `ack <item> <reason>`, `done <item> [note]`, `reopen <item>`, `owner <item> [person]`: a change to one plan
 * item (the item is the first word). A bare `done` or `accept` is left to the interview, as an answer.
 */
export const planChangeCommand = defineCommand<{ change: PlanChange }>({
  name: 'planChange',
  verbs: Object.keys(planVerbs),
  parse(arg, verb) {
    const action = planVerbs[verb];
    if (!action || arg === '') return undefined;
    const space = arg.indexOf(' ');
    const item = space === -1 ? arg : arg.slice(0, space);
    const rest = space === -1 ? '' : arg.slice(space + 1).trim();
    switch (action) {
      case 'ack':
        return { change: { action, item, reason: rest } };
      case 'done':
        return { change: { action, item, ...(rest !== '' && { reason: rest }) } };
      case 'reopen':
        return { change: { action, item } };
      case 'owner':
        return { change: { action, item, person: rest.replace(/^(?:is|to|=)\s+/i, '') } };
    }
  },
  async run(ctx, { change }) {
    const outcome = await changeItem(ctx, change);
    return {
      replies: outcome.replies,
      ...(outcome.awaiting && { state: { ...ctx.state, awaiting: outcome.awaiting } }),
      ...(outcome.saved && { saved: outcome.saved }),
    };
  },
});
