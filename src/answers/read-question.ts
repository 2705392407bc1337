import { normalise } from './sizing/figures.ts';

/** The six kinds of team question, and `unclear` for text that needs one clarifying question. */
export const questionKinds = ['definition', 'comparison', 'problem', 'sizing', 'yesno', 'symptom', 'unclear'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** What the shape of a message says before any catalog is consulted. */
export interface QuestionShape {
  /** The kind the wording points to; `open` when only the catalog can tell (a problem, a symptom or unclear). */
  kind: 'definition' | 'comparison' | 'problem' | 'yesno' | 'symptom' | 'open';
  /** The text, normalised (lower case, one space, no trailing punctuation). */
  text: string;
  /** What a definition or yes/no question is about ("bloom filter", "2pc across services"). */
  subject?: string;
  /** The two things a comparison weighs. */
  sides?: [string, string];
  /** The rest of a comparison or yes/no question: what it is for ("for our order flow"). */
  context?: string;
  /** True when it is phrased as a question (a question mark, or a question word first). */
  questionShaped: boolean;
}

const DEFINITION = /^(?:what(?:'s| is| are| was| does| do)|whats|define|explain|eli5|describe|tell me (?:more )?about|meaning of|what do you mean by|what do we mean by|what does it mean (?:to be|for)|who is)\s+(.+)$/;
const DEFINITION_TAIL = /\s+(?:used for|good for|for|mean|means|say|says|do|does|stand for|all about|in distributed systems|in practice|exactly|again|problem|actually)$/;
const PROBLEM =
  /^(?:how (?:do|can|should|would|could|will|might) (?:we|i|you|one|they)|how to|how (?:would|do) you|what(?:'s| is) the (?:best|right|usual|standard|simplest|cleanest|recommended) way to|best way to|any (?:good )?way to|is there a (?:good |clean )?way to|(?:we|i) (?:need|want|have|must|got) to|need to|(?:we|i) need|need (?:a|an|some|the)?|want to|we want|i want|looking for|trying to|we're trying to|help (?:me|us) (?:to )?|keep |stop |avoid |prevent |make sure)\b/;
const YES_NO = /^(?:should|shall|can|could|must|do|does|did|is|are|would|will|may|might)\s+(?:we|i|you|it|they|this|that|there|our|a|an|the|one)?\b/;
const SYMPTOM = /^(?:why (?:is|are|does|do|did|would|has|have)|what (?:causes|could cause|would cause|went wrong)|our |my |the |we (?:got|get|see|saw|had|have|are seeing|keep|lost|can't|cannot|failed)|users? |customers? |every time|whenever|after |since |when (?!should|do|to)|p\d{2}\b|latency|it keeps|it's |things )/;
/**
 * A statement that tells what happened ("an old feature flag got reused and switched on dead code", "the
 * nodes were all restarted at once") reports a symptom, even when it opens with no symptom word.
 */
const NARRATION = /\b(?:got|was|were|had|went|became|kept|broke|crashed|died|stopped|spiked|dropped|fell|hung|stalled|exploded|melted|blew up|timed out|ran out)\b/;
const COMPARE_SPLIT = /\s+(?:vs\.?|versus|or|compared (?:to|with)|against|instead of|over)\s+/;
const DIFFERENCE = /^(?:what(?:'s| is) the )?difference between\s+(.+?)\s+and\s+(.+)$/;
const LEAD_IN =
  /^(?:should (?:we|i) (?:use|go with|pick|choose|build|do|prefer)|do (?:we|i) (?:want|need|use)|would you (?:use|pick|go with)|is it better to (?:use|do)|which is better[,:]?|which one[,:]?|what's better[,:]?|what is better[,:]?|(?:we're |we are )?(?:choosing|deciding|torn) between|thinking of|considering|use|pick|choose)\s+/;
const SIDE_END = /\s+(?:for|to|in|when|with|on|at|because|given|if|which|so|-)\s+|\s*[,;:]\s*|\s+-\s*/;
const YES_NO_LEAD =
  /^(?:should|shall|can|could|must|do|does|is|are|would|will|may|might)\s+(?:we|i|you|it|they|this|that|there|our|one)?\s*(?:really\s+|even\s+|still\s+|actually\s+)?(?:ok(?:ay)? to\s+|fine to\s+|safe to\s+|a good idea to\s+|wise to\s+|need to\s+|have to\s+|want to\s+)?(?:use|add|put|run|keep|do|need|have|go with|adopt|introduce|pick|choose|build|rely on|apply|hedge|retry|shard|cache|make|allow|enable)?\s*/;

function stripEnd(text: string): string {
  return text.replace(/(?<![?!.\s])[?!.\s]+$/, '').trim();
}

/** The two sides of "X vs Y (for Z)", with the context that follows Y; undefined when the text weighs nothing. */
function sidesOf(text: string): { sides: [string, string]; context: string } | undefined {
  const diff = DIFFERENCE.exec(text);
  let left: string;
  let right: string;
  if (diff) [left, right] = [diff[1]!, diff[2]!];
  else {
    const split = COMPARE_SPLIT.exec(text);
    if (!split) return undefined;
    left = text.slice(0, split.index);
    right = text.slice(split.index + split[0].length);
  }
  left = left.replace(LEAD_IN, '').replace(/^(?:a|an|the)\s+/, '').trim();
  const end = SIDE_END.exec(right);
  const context = end ? right.slice(end.index).replace(/^[\s,;:-]+/, '') : '';
  right = (end ? right.slice(0, end.index) : right).replace(/^(?:a|an|the|just|plain|simple)\s+/, '').trim();
  if (left === '' || right === '' || left.split(' ').length > 5 || right.split(' ').length > 5) return undefined;
  return { sides: [left, right], context };
}

/**
 * Reads the shape of a message: which kind of question its wording points to, and the subject,
 * sides and context it names. It decides nothing that needs the catalog; the answerer checks that
 * subjects and sides name entries and falls back to the catalog's ranking when they do not.
 */
export function readQuestion(input: string): QuestionShape {
  const text = stripEnd(normalise(input).replace(/^(?:hey|hi|quick question|q|question)[,:!\s]+/, '').replace(/^(?:so|ok|okay|and|but|also)[,\s]+/, ''));
  const questionShaped = /\?\s*$/.test(input) || /^(?:what|whats|which|who|how|why|when|where|should|shall|can|could|must|do|does|did|is|are|would|will|may|might|explain|define|eli5)\b/.test(text);
  const base = { text, questionShaped };
  const comparison = sidesOf(text);
  if (comparison && !/^how\b/.test(text)) return { ...base, kind: 'comparison', sides: comparison.sides, context: comparison.context };
  const definition = DEFINITION.exec(text);
  if (definition?.[1]) {
    let subject = definition[1].replace(/^(?:an?|the)\s+/, '');
    for (let i = 0; i < 3; i++) subject = subject.replace(DEFINITION_TAIL, '');
    if (subject.split(' ').length <= 6) return { ...base, kind: 'definition', subject };
  }
  if (PROBLEM.test(text)) return { ...base, kind: 'problem' };
  if (YES_NO.test(text)) {
    const subject = text.replace(YES_NO_LEAD, '');
    return { ...base, kind: 'yesno', subject };
  }
  if (SYMPTOM.test(text) || (!questionShaped && NARRATION.test(text))) return { ...base, kind: 'symptom' };
  return { ...base, kind: 'open' };
}
