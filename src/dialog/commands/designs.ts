import { designsReply } from '../replies/design-replies.ts';
import { answered, defineCommand } from './command.ts';

/** `designs`: the designs of this channel, most recently updated first, marking the one this thread has open. */
export const designsCommand = defineCommand({
  name: 'designs',
  phrases: ['designs'],
  async run(ctx) {
    const { platform, workspace, channel } = ctx.home;
    return answered(designsReply(await ctx.store.listDesigns({ platform, workspace, channel }), ctx.design?.id));
  },
});
