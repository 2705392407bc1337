import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { parseFieldValue } from '../../src/rules/field-kinds.ts';
import { parseRequirementsText } from '../../src/rules/parsers/free-text.ts';
import { RequirementsShape, requirementFields } from '../../src/rules/requirements.ts';

// Strings built from the pieces real answers are made of, so the fuzz reaches deep into the grammars.
const piece = fc.constantFrom(
  '20', 'k', 'M', '1.5', '/s', ' per ', 'second', '%', 'nines', 'four', ' and a half', 'ms', 'min', 'GB', 'TB', 'eu', '+', 'us',
  ',', ' ', '-', 'e', '999', '.', '$', 'usd', '/month', 'yes', 'no', 'x', 'regions', 'writes', 'reads', 'p99', 'under', '∞', 'NaN',
  '\u00a0', '\u2212', '×', 'ﬀ', '🙂', '\n', 'and', 'rpo', ':', 'audit', 'not',
);
const typed = fc.oneof(fc.string({ maxLength: 60 }), fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 30 }));

function onlyUserErrors(run: () => unknown): void {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
  }
}

describe('parsers under fuzzing', () => {
  it('parseFieldValue throws nothing but UserError for any field and any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...requirementFields), fc.string({ maxLength: 20 })), typed, (field, text) => {
        onlyUserErrors(() => parseFieldValue(field, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('parseRequirementsText throws nothing but UserError and only returns valid values', () => {
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 6 }).map((parts) => parts.join(', ')), (text) => {
        onlyUserErrors(() => {
          const parsed = parseRequirementsText(text);
          expect(RequirementsShape.safeParse(parsed.requirements).success).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a one-megabyte answer with a UserError', () => {
    const huge = '9'.repeat(1_000_000);
    expect(() => parseFieldValue('writesPerSec', huge)).toThrow(UserError);
    expect(() => parseRequirementsText(huge)).toThrow(UserError);
  });
});
