import { UserError } from '../../errors.ts';
import { kindWords, type LookupKind } from '../lookup-kinds.ts';
import { listReply } from '../replies/list-reply.ts';
import { answered, defineCommand } from './command.ts';

/** `laws`, `patterns` … (or `list laws`): every entry of one kind, in catalog order. */
export const listCommand = defineCommand<{ kind: LookupKind }>({
  name: 'list',
  storeFree: true,
  verbs: ['list', ...Object.keys(kindWords)],
  parse(arg, verb) {
    const kind = verb === 'list' ? kindWords[arg.toLowerCase()] : kindWords[verb];
    if (!kind) {
      throw new UserError('bad_command', 'Say what to list: `laws`, `patterns`, `primitives` or `capabilities`.', { hint: 'list <laws|patterns|primitives|capabilities>' });
    }
    return { kind };
  },
  run: (ctx, { kind }) => answered(listReply(kind, ctx.catalog.list(kind))),
});
