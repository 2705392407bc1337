import { UserError } from '../../errors.ts';
import { checkFieldValue } from '../field-kinds.ts';
import type { Requirements } from '../requirements.ts';
import { clauseReaders } from './clause-readers.ts';
import { quote } from './text.ts';

/** The longest free-text description read at once. */
export const MAX_TEXT_LENGTH = 4000;

/** What was read from a free-text description of requirements. */
export interface ParsedRequirements {
  requirements: Partial<Requirements>;
  /** Short descriptions of what was read, e.g. "writesPerSec = 20000". */
  understood: string[];
  /** Clauses that said nothing Quorum could use, with the reason when a value was wrong. */
  unrecognized: string[];
}

const HALF = ' and a half';
const HALF_MARK = ' andahalf';

/**
 * Reads requirements from free text such as "financial, 20k writes/s, four nines, p99 reads under 50ms,
 * eu + us, exactly once, rpo 30s" (Slack's `/quorum assess <text>`). Never throws for ordinary text;
 * text longer than MAX_TEXT_LENGTH is a UserError (`too_long`).
 */
export function parseRequirementsText(text: string): ParsedRequirements {
  if (typeof text !== 'string') throw new UserError('bad_value', 'describe the requirements in words, for example "financial, 20k writes/s, four nines"');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new UserError('too_long', `that description is too long (${text.length} characters); keep it under ${MAX_TEXT_LENGTH}`);
  }
  const result: ParsedRequirements = { requirements: {}, understood: [], unrecognized: [] };
  for (const { clause, original } of splitClauses(text)) readClause(clause, original, result);
  return result;
}

function splitClauses(text: string): Array<{ clause: string; original: string }> {
  return text
    .normalize('NFKC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .replace(/ and a half/gi, HALF_MARK)
    .split(/[;\n!?]|,(?!\d{3})|\.(?:\s|$)|\s+(?:and|with|plus|but|also)\s+/i)
    .map((part) => part.replaceAll(HALF_MARK, HALF).replace(/\s+/g, ' ').trim().replace(/^(?:and|with|also|a|an|the)\s+/i, ''))
    .filter((original) => original !== '')
    .map((original) => ({ clause: original.toLowerCase(), original }));
}

function readClause(clause: string, original: string, result: ParsedRequirements): void {
  for (const reader of clauseReaders) {
    let readings;
    try {
      readings = reader(clause, original);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      result.unrecognized.push(`${quote(clause)}: ${err.message}`);
      return;
    }
    if (readings === undefined || readings.length === 0) continue;
    for (const { field, value } of readings) {
      try {
        const checked = checkFieldValue(field, value);
        Object.assign(result.requirements, { [field]: checked });
        result.understood.push(`${field} = ${String(checked)}`);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        result.unrecognized.push(`${quote(clause)}: ${err.message}`);
      }
    }
    return;
  }
  result.unrecognized.push(quote(clause));
}
