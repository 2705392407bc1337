import { renderText } from '../adapters/terminal/render-text.ts';
import { entryReply } from '../dialog/replies/entry-reply.ts';
import { pathReply } from '../dialog/replies/path-reply.ts';
import { UserError } from '../errors.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './command.ts';

const usage = 'show <id> [--json]';

/** `show <id>`: one catalog entry, whole (`{"entry":{...}}`); an unknown id exits 2 with suggestions. */
export const showCommand: CliCommand = {
  name: 'show',
  usage,
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    if (positionals.length !== 1 || positionals[0]!.trim() === '') {
      const problem = positionals.length === 0 ? 'Give the id of a catalog entry' : 'Give exactly one id';
      throw new UserError('bad_arguments', `${problem}, for example: show P9.`, { hint: `usage: ${usage}` });
    }
    const catalog = ctx.catalog();
    const entry = catalog.require(positionals[0]!);
    const reply = entry.kind === 'path' ? pathReply(entry, catalog) : entryReply(entry, catalog);
    return { json: { entry }, human: renderText(reply) };
  },
};
