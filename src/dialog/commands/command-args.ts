import { normalizeId } from '../../catalog/catalog.ts';
import { UserError } from '../../errors.ts';
import { requirementFields, type RequirementField } from '../../rules/requirements.ts';
import { closeNames } from '../close-names.ts';

/** The argument itself, or a UserError that shows the usage when it is empty. */
export function requireArg(arg: string, usage: string): string {
  if (arg === '') throw new UserError('bad_command', `That command needs more: try \`${usage}\`.`, { hint: usage });
  return arg;
}

/** Finds the requirements field a person named (`writesPerSec`, `writes-per-sec`), or explains what exists. */
export function resolveField(name: string): RequirementField {
  const wanted = normalizeId(name);
  const found = requirementFields.find((f) => normalizeId(f) === wanted);
  if (found) return found;
  const suggestions = closeNames(name, requirementFields);
  const close = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  throw new UserError('unknown_field', `There is no requirement called "${name}".${close}`, {
    hint: `Fields: ${requirementFields.join(', ')}`,
    suggestions,
  });
}
