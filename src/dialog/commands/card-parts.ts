import type { Assessment } from '../../rules/assessment.ts';
import type { Reply } from '../reply.ts';
import { obligationsReply, reasonsReply, risksReply, technologiesReply } from '../replies/assessment-sections.ts';
import { noAssessmentReply } from '../replies/formulas-reply.ts';
import { answered, defineCommand } from './command.ts';

/** A command that answers with one part of the latest assessment the card leaves out. */
function cardPart(name: string, phrases: string[], reply: (a: Assessment, title: string) => Reply) {
  return defineCommand({
    name,
    phrases,
    run(ctx) {
      const latest = ctx.design?.versions.at(-1);
      return answered(ctx.design && latest ? reply(latest.assessment, ctx.design.title) : noAssessmentReply());
    },
  });
}

/** `risks`: every risk of the latest version, highest first, with why it applies. */
export const risksCommand = cardPart('risks', ['risks', 'warnings', 'all risks'], risksReply);
/** `reasons`: capabilities, primitives and patterns with every reason and their need. */
export const reasonsCommand = cardPart('reasons', ['reasons', 'show reasons'], reasonsReply);
/** `obligations`: what to prove before the design is trusted. */
export const obligationsCommand = cardPart('obligations', ['obligations', 'proof obligations'], obligationsReply);
/** `technologies`: the concrete technology picks with their reasons. */
export const technologiesCommand = cardPart('technologies', ['technologies', 'tech', 'technology'], technologiesReply);
