import { errorReply, infoReply } from '../replies/basic-replies.ts';
import { answered, defineCommand } from './command.ts';

/** `cancel`: stops the interview; the saved design (if any) is unchanged. */
export const cancelCommand = defineCommand({
  name: 'cancel',
  phrases: ['cancel', 'stop'],
  run(ctx) {
    const s = ctx.state;
    const saved = ctx.snapshot;
    if (s.mode !== 'interviewing') return answered(errorReply('not_interviewing', 'There is no interview to cancel. Type design to start one.'));
    return {
      state: { ...s, mode: 'idle', stepId: undefined, answers: [], requirements: saved?.requirements ?? {}, answeredBy: saved?.answeredBy ?? {} },
      replies: [infoReply(
        saved
          ? `Interview cancelled. The saved design (version ${saved.latestVersion}) is unchanged.`
          : 'Interview cancelled; nothing was saved. Type design to start again.',
      )],
    };
  },
});
