import { UserError } from '../errors.ts';
import { closest } from './parsers/closest.ts';
import { describeIssue } from './parsers/zod-issues.ts';
import { Requirements, requirementFields } from './requirements.ts';

/**
 * Checks a parsed JSON value against the strict requirements schema. An unknown field is a UserError
 * naming it with the closest field ("unknown field 'writesPerSecond' — did you mean writesPerSec?").
 */
export function parseRequirements(raw: unknown): Requirements {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError('bad_requirements', 'the requirements must be a JSON object, e.g. {"domain":"financial","writesPerSec":20000}');
  }
  const parsed = Requirements.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const field = String(issue.keys[0]);
    const suggestions = closest(field, requirementFields);
    throw new UserError(
      'unknown_field',
      `unknown field '${field}'${suggestions.length ? ` — did you mean ${suggestions.join(' or ')}?` : ''}`,
      { hint: `the fields are ${requirementFields.join(', ')}`, suggestions },
    );
  }
  const field = issue.path.map(String).join('.');
  throw new UserError('bad_requirements', field ? describeIssue(issue, field) : issue.message, {
    hint: 'see "assess input" in interface.md: numbers are numbers, availability a fraction such as 0.9999',
  });
}

export { readWords, statedFieldCount, type WordReading, type WordsRead } from './parsers/words/read-words.ts';
