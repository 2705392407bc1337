import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/dialog/command-parser.ts';
import { UserError } from '../../src/errors.ts';
import { parseFieldValue } from '../../src/rules/field-kinds.ts';
import { parseAvailability } from '../../src/rules/parsers/availability.ts';
import { parseBoolean } from '../../src/rules/parsers/boolean.ts';
import { parseDuration } from '../../src/rules/parsers/duration.ts';
import { parseEnum } from '../../src/rules/parsers/enums.ts';
import { parseRequirementsText } from '../../src/rules/parsers/free-text.ts';
import { parseMoney } from '../../src/rules/parsers/money.ts';
import { parseCount, parseFactor, parseRate } from '../../src/rules/parsers/quantity.ts';
import { parseRegions } from '../../src/rules/parsers/regions.ts';
import { parseSizeGb } from '../../src/rules/parsers/size.ts';
import { RequirementsShape, requirementFields } from '../../src/rules/requirements.ts';
import { hostileText } from './hostile-text.ts';

const parsers: Record<string, (text: string) => unknown> = {
  availability: parseAvailability,
  boolean: parseBoolean,
  durationMs: (t) => parseDuration(t, 'ms'),
  durationS: (t) => parseDuration(t, 's'),
  domain: (t) => parseEnum('domain', t),
  consistency: (t) => parseEnum('consistency', t),
  ordering: (t) => parseEnum('ordering', t),
  money: parseMoney,
  rate: parseRate,
  factor: parseFactor,
  count: parseCount,
  regions: parseRegions,
  size: parseSizeGb,
};

let cases = 0;

/** Runs `parse`; a value must be finite when it is a number, and the only acceptable failure is a UserError. */
function onlyUserErrors(parse: () => unknown): void {
  cases += 1;
  let value: unknown;
  try {
    value = parse();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return;
  }
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
}

describe('the parsers under hostile text', () => {
  afterAll(() => console.log(`fuzz: ${cases} parser cases`));

  it('every field parser returns a finite value or a UserError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(parsers)), hostileText, (name, text) => {
        onlyUserErrors(() => parsers[name]!(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('parseFieldValue accepts only values the requirements schema accepts, for every field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...requirementFields), hostileText, (field, text) => {
        onlyUserErrors(() => {
          const value = parseFieldValue(field, text);
          expect(RequirementsShape.shape[field].safeParse(value).success).toBe(true);
          return value;
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('free text and chat commands never fail with anything but a UserError', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        onlyUserErrors(() => RequirementsShape.parse(parseRequirementsText(text).requirements));
        onlyUserErrors(() => parseCommand(text));
      }),
      { numRuns: 1500 },
    );
  });
});
