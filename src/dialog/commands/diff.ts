import { UserError } from '../../errors.ts';
import { diffVersions } from '../design-diff.ts';
import { latestOf } from '../design-versions.ts';
import { errorReply, noDesignReply } from '../replies/basic-replies.ts';
import { diffReply } from '../replies/design-replies.ts';
import { answered, defineCommand } from './command.ts';

function parseVersion(token: string): number | undefined {
  const m = /^v?(\d{1,6})$/i.exec(token);
  return m ? Number(m[1]) : undefined;
}

/** `diff` (the last two versions) or `diff <v1> <v2>`: what changed between two saved versions. */
export const diffCommand = defineCommand<{ v1?: number; v2?: number }>({
  name: 'diff',
  verbs: ['diff'],
  parse(arg) {
    if (arg === '') return {};
    const tokens = arg.split(/\s*(?:\s|,|\.\.|→|->|to|and|vs)\s*/i).filter((t) => t !== '');
    const [v1, v2] = tokens.map(parseVersion);
    if (tokens.length !== 2 || v1 === undefined || v2 === undefined) {
      throw new UserError('bad_command', 'Name two versions to compare, like `diff 1 2` or `diff v1 v2`.', { hint: 'diff <v1> <v2>' });
    }
    return { v1, v2 };
  },
  run(ctx, { v1, v2 }) {
    const design = ctx.design;
    if (!design) return answered(noDesignReply());
    const latest = latestOf(design).version;
    const to = v2 ?? latest;
    const from = v1 ?? to - 1;
    const a = design.versions.find((v) => v.version === from);
    const b = design.versions.find((v) => v.version === to);
    if (!a || !b) {
      const message = latest < 2 ? 'There is only one version so far; a what-if (set …) makes a second.' : `Versions run from 1 to ${latest}; pick two of those, like diff 1 ${latest}.`;
      return answered(errorReply('unknown_version', message));
    }
    return answered(diffReply(diffVersions(a, b), from, to));
  },
});
