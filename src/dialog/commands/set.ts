import { UserError } from '../../errors.ts';
import type { RequirementField } from '../../rules/requirements.ts';
import { setField } from '../interview-steps.ts';
import { requireArg, resolveField } from './command-args.ts';
import { defineCommand } from './command.ts';
import { finishStep } from './finish-step.ts';

/** `set <field> <value>`: an interview answer, a note before the first save, or a what-if on the saved design. */
export const setCommand = defineCommand<{ field: RequirementField; value: string }>({
  name: 'set',
  verbs: ['set'],
  versionBound: true,
  parse(arg) {
    const m = /^([A-Za-z][\w-]*)\s*(?:=|:|\s)\s*(.*)$/s.exec(requireArg(arg, 'set <field> <value>'));
    const field = resolveField(m?.[1] ?? arg);
    const value = (m?.[2] ?? '').trim();
    if (value === '') {
      throw new UserError('bad_command', `Give a value too, for example \`set ${field} …\`.`, { hint: 'set <field> <value>' });
    }
    return { field, value };
  },
  run: (ctx, { field, value }) => finishStep(ctx, setField(ctx.state, { interview: ctx.interview, design: ctx.snapshot }, ctx.turn, field, value)),
});
