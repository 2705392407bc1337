import type { Requirements } from '../requirements.ts';
import { MAX_WORDS_LENGTH, readWords } from './words/read-words.ts';

/** The longest free-text description read at once. */
export const MAX_TEXT_LENGTH = MAX_WORDS_LENGTH;

/** What was read from a free-text description of requirements. */
export interface ParsedRequirements {
  requirements: Partial<Requirements>;
  /** Short descriptions of what was read, e.g. "writesPerSec = 20000". */
  understood: string[];
  /** Words that said nothing Quorum could use, with the reason when there is one. */
  unrecognized: string[];
}

/**
 * Reads requirements from free text such as "financial, 20k writes/s, four nines, p99 reads under 50ms,
 * eu + us, exactly once, rpo 30s", through the one reader of words (`readWords`). Never throws for
 * ordinary text; text longer than MAX_TEXT_LENGTH is a UserError (`too_long`).
 */
export function parseRequirementsText(text: string): ParsedRequirements {
  const read = readWords(text);
  return {
    requirements: { ...(read.name !== undefined && { name: read.name }), ...read.requirements } as Partial<Requirements>,
    understood: read.readings.map((r) => `${r.field} = ${String(r.value)}`),
    unrecognized: read.skipped,
  };
}
