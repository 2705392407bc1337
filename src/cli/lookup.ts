import { renderText } from '../adapters/terminal/render-text.ts';
import { searchOf } from '../catalog/search.ts';
import { searchReply } from '../dialog/replies/search-reply.ts';
import { UserError } from '../errors.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './command.ts';

const usage = 'lookup <query> [--limit N] [--json]';

function parseLimit(raw: string | boolean | undefined): number {
  if (raw === undefined) return 10;
  const limit = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new UserError('bad_option', `--limit must be a whole number from 1 to 100, not "${String(raw)}".`, { hint: `usage: ${usage}` });
  }
  return limit;
}

/** `lookup <query>`: ranked search over the whole catalog (`{"results":[...],"suggestions":[...]}`). */
export const lookupCommand: CliCommand = {
  name: 'lookup',
  usage,
  async run(args, ctx) {
    const { positionals, values } = parseCommandArgs(args, { limit: { type: 'string' } }, usage);
    const query = positionals.join(' ').trim();
    if (query === '') {
      throw new UserError('empty_query', 'Give some words to look up, for example: lookup "circuit breaker".', { hint: `usage: ${usage}` });
    }
    const limit = parseLimit(values.limit);
    const catalog = ctx.catalog();
    const result = searchOf(catalog).lookup(query, { limit });
    return { json: result, human: renderText(searchReply(query, result, catalog, { expandTop: false })) };
  },
};
