import { renderText } from '../adapters/terminal/render-text.ts';
import { entryKinds, type EntryKind } from '../catalog/schema.ts';
import { listReply } from '../dialog/replies/list-reply.ts';
import { UserError } from '../errors.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './command.ts';

const listable = entryKinds.filter((k) => k !== 'path');
const usage = `list <${listable.join('|')}> [--json]`;

/** The kind a word names: the kind itself or its plural ("patterns", "case-studies", "capabilities"). */
function kindOf(word: string): EntryKind | undefined {
  const w = word.toLowerCase();
  return entryKinds.find((k) => w === k || w === `${k}s` || w === `${k.replace(/y$/, 'ie')}s`);
}

/** `list <kind>`: every entry of one kind in catalog order (`{"entries":[{"id","name"}...]}`). */
export const listCommand: CliCommand = {
  name: 'list',
  usage,
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    const kind = positionals.length === 1 ? kindOf(positionals[0]!) : undefined;
    if (!kind) {
      const given = positionals.length === 0 ? 'Give a kind to list' : `Cannot list "${positionals.join(' ')}"`;
      throw new UserError('bad_kind', `${given}: one of ${listable.join(', ')}.`, { hint: `usage: ${usage}` });
    }
    const entries = ctx.catalog().list(kind);
    return { json: { entries: entries.map((e) => ({ id: e.id, name: e.name })) }, human: renderText(listReply(kind, entries)) };
  },
};
