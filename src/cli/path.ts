import { renderText } from '../adapters/terminal/render-text.ts';
import { pathReply } from '../dialog/replies/path-reply.ts';
import { UserError } from '../errors.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './command.ts';

const usage = 'path <beginner|intermediate|advanced> [--json]';

/** `path <id>`: a learning path's steps (`{"path":{"id","name","steps":[{"title","entries"}]}}`). */
export const pathCommand: CliCommand = {
  name: 'path',
  usage,
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    const catalog = ctx.catalog();
    const paths = catalog.list('path');
    const wanted = positionals.length === 1 ? positionals[0]!.toLowerCase() : undefined;
    const path = paths.find((p) => p.id.toLowerCase() === wanted);
    if (!path) {
      const given = wanted === undefined ? 'Give one learning path' : `There is no learning path "${positionals.join(' ')}"`;
      throw new UserError('unknown_path', `${given}: one of ${paths.map((p) => p.id).join(', ')}.`, {
        hint: `usage: ${usage}`,
        suggestions: paths.map((p) => p.id),
      });
    }
    const steps = path.steps.map((s) => ({ title: s.title, entries: s.entries.map((id) => catalog.get(id)?.id ?? id) }));
    return { json: { path: { id: path.id, name: path.name, steps } }, human: renderText(pathReply(path, catalog)) };
  },
};
