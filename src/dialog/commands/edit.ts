import { latestOf } from '../design-versions.ts';
import { planEdit } from '../plan-effects.ts';
import { saveAssessment } from '../save-assessment.ts';
import { answered, defineCommand } from './command.ts';

/** `add <id>` / `drop <id>` (or `remove`): puts a primitive or pattern in or out by hand; re-validated and saved as a new version. */
export const editCommand = defineCommand<{ op: 'add' | 'drop'; id: string }>({
  name: 'edit',
  verbs: ['add', 'drop', 'remove'],
  parse: (arg, verb) => (arg !== '' && !/\s/.test(arg) ? { op: verb === 'add' ? 'add' : 'drop', id: arg } : undefined),
  run(ctx, { op, id }) {
    const edit = planEdit(ctx, op, id);
    if ('kind' in edit) return answered(edit);
    const latest = latestOf(ctx.design!);
    return saveAssessment(ctx, ctx.state, latest.requirements, latest.answeredBy, edit.cause, edit.edits);
  },
});
