import { noDesignReply } from '../replies/basic-replies.ts';
import { historyReply } from '../replies/design-replies.ts';
import { milestonesByVersion } from '../plan/plan-change.ts';
import { emptyPlan } from '../plan/plan-record.ts';
import { answered, defineCommand } from './command.ts';

/** `history`: the saved versions of this thread's design, with their milestones. */
export const historyCommand = defineCommand({
  name: 'history',
  phrases: ['history'],
  run: (ctx) => answered(ctx.design ? historyReply(ctx.design, milestonesByVersion(ctx.design.plan ?? emptyPlan())) : noDesignReply()),
});
