import { normalizeId } from '../catalog/catalog.ts';
import { UserError } from '../errors.ts';
import { requirementFields, type RequirementField } from '../rules/requirements.ts';
import { closeNames } from './close-names.ts';
import type { PlanChange } from './plan/plan-change.ts';

/** The formats of `export`: the Markdown record, or the plan as backlog rows. */
export type ExportFormat = 'md' | 'csv' | 'json';

/** The catalog kinds that have a chat command of their own: `law <q>`, `patterns`, … */
export type LookupKind = 'law' | 'pattern' | 'primitive' | 'capability';

/** Each kind's command word, singular and plural. */
const kindWords: Record<string, LookupKind> = {
  law: 'law',
  laws: 'law',
  pattern: 'pattern',
  patterns: 'pattern',
  primitive: 'primitive',
  primitives: 'primitive',
  capability: 'capability',
  capabilities: 'capability',
};

/** One chat command, as interface.md "Chat commands" lists them; anything else is `text`. */
export type Command =
  | { type: 'help' }
  | { type: 'lookup'; query: string; kind?: LookupKind }
  | { type: 'list'; kind: LookupKind }
  | { type: 'question'; query: string }
  | { type: 'showEntry'; id: string }
  | { type: 'showDesign' }
  | { type: 'design' }
  | { type: 'set'; field: RequirementField; value: string }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'restart' }
  | { type: 'cancel' }
  | { type: 'assess' }
  | { type: 'history' }
  | { type: 'diff'; v1?: number; v2?: number }
  | { type: 'designs' }
  | { type: 'export'; format?: ExportFormat; ref?: string }
  | { type: 'plan'; ref?: string }
  | { type: 'planAll' }
  | { type: 'planChange'; change: PlanChange }
  | { type: 'edit'; op: 'add' | 'drop'; id: string }
  | { type: 'milestone'; name: string }
  | { type: 'why'; id: string }
  | { type: 'whyNot'; id: string }
  | { type: 'formulas' }
  | { type: 'explain'; query: string }
  | { type: 'name'; title: string }
  | { type: 'delete' }
  | { type: 'text'; text: string };

const bare: Record<string, Command> = {
  help: { type: 'help' },
  commands: { type: 'help' },
  design: { type: 'design' },
  'new design': { type: 'design' },
  'start design': { type: 'design' },
  back: { type: 'back' },
  skip: { type: 'skip' },
  restart: { type: 'restart' },
  'start over': { type: 'restart' },
  cancel: { type: 'cancel' },
  stop: { type: 'cancel' },
  assess: { type: 'assess' },
  show: { type: 'showDesign' },
  'show design': { type: 'showDesign' },
  'show the design': { type: 'showDesign' },
  history: { type: 'history' },
  designs: { type: 'designs' },
  export: { type: 'export' },
  plan: { type: 'plan' },
  'plan all': { type: 'planAll' },
  delete: { type: 'delete' },
  diff: { type: 'diff' },
  formulas: { type: 'formulas' },
  figures: { type: 'formulas' },
  math: { type: 'formulas' },
  'show formulas': { type: 'formulas' },
};

/** Phrasings of a plain question; the first capture group is the topic. */
const questionForms: RegExp[] = [
  /^(?:what|who|which)(?:'s|\s+is|\s+are|\s+was)\s+(?:an?\s+|the\s+)?(.+?)\s*\??$/i,
  /^tell\s+me\s+(?:more\s+)?about\s+(.+?)\s*\??$/i,
  /^(?:explain|define|describe)\s+(.+?)\s*\??$/i,
  /^how\s+(?:does|do)\s+(.+?)\s+work\s*\??$/i,
  /^(.+?)\s*\?$/,
];

function requireArg(arg: string, usage: string): string {
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

/** `law <q>` searches the laws only; `laws` (or `law`, `list laws`) alone lists them all. */
function parseKindCommand(kind: LookupKind, arg: string): Command {
  const query = arg.replace(/\?+$/, '').trim();
  return query === '' ? { type: 'list', kind } : { type: 'lookup', query, kind };
}

function parseList(arg: string): Command {
  const kind = kindWords[arg.toLowerCase()];
  if (!kind) {
    throw new UserError('bad_command', 'Say what to list: `laws`, `patterns`, `primitives` or `capabilities`.', { hint: 'list <laws|patterns|primitives|capabilities>' });
  }
  return { type: 'list', kind };
}

function parseVersion(token: string): number | undefined {
  const m = /^v?(\d{1,6})$/i.exec(token);
  return m ? Number(m[1]) : undefined;
}

function parseDiff(arg: string): Command {
  if (arg === '') return { type: 'diff' };
  const tokens = arg.split(/\s*(?:\s|,|\.\.|→|->|to|and|vs)\s*/i).filter((t) => t !== '');
  const [v1, v2] = tokens.map(parseVersion);
  if (tokens.length !== 2 || v1 === undefined || v2 === undefined) {
    throw new UserError('bad_command', 'Name two versions to compare, like `diff 1 2` or `diff v1 v2`.', { hint: 'diff <v1> <v2>' });
  }
  return { type: 'diff', v1, v2 };
}

function parseSet(arg: string): Command {
  const m = /^([A-Za-z][\w-]*)\s*(?:=|:|\s)\s*(.*)$/s.exec(requireArg(arg, 'set <field> <value>'));
  const field = resolveField(m?.[1] ?? arg);
  const value = (m?.[2] ?? '').trim();
  if (value === '') {
    throw new UserError('bad_command', `Give a value too, for example \`set ${field} …\`.`, { hint: 'set <field> <value>' });
  }
  return { type: 'set', field, value };
}

const exportFormats: Record<string, ExportFormat> = { csv: 'csv', json: 'json', md: 'md', markdown: 'md' };

/** `export [csv|json|md] [<milestone or vN>]`. */
function parseExport(arg: string): Command {
  const [first = '', ...rest] = arg.split(' ');
  const format = exportFormats[first.toLowerCase()];
  const ref = (format ? rest.join(' ') : arg).trim();
  return { type: 'export', ...(format && { format }), ...(ref !== '' && { ref }) };
}

/** `ack <item> <reason>`, `done <item> [note]`, `reopen <item>`, `owner <item> [person]`: the item is the first word. */
function parsePlanChange(verb: 'ack' | 'done' | 'reopen' | 'owner', arg: string): Command {
  const space = arg.indexOf(' ');
  const item = space === -1 ? arg : arg.slice(0, space);
  const rest = space === -1 ? '' : arg.slice(space + 1).trim();
  switch (verb) {
    case 'ack':
      return { type: 'planChange', change: { action: 'ack', item, reason: rest } };
    case 'done':
      return { type: 'planChange', change: { action: 'done', item, ...(rest !== '' && { reason: rest }) } };
    case 'reopen':
      return { type: 'planChange', change: { action: 'reopen', item } };
    case 'owner':
      return { type: 'planChange', change: { action: 'owner', item, person: rest.replace(/^(?:is|to|=)\s+/i, '') } };
  }
}

const planVerbs: Record<string, 'ack' | 'done' | 'reopen' | 'owner'> = {
  ack: 'ack',
  accept: 'ack',
  done: 'done',
  reopen: 'reopen',
  owner: 'owner',
  assign: 'owner',
};

/**
 * Reads one message as a command. Words are case-insensitive; text that is no command
 * comes back as `text` (an interview answer, or a question when idle). Malformed commands throw UserError.
 */
export function parseCommand(input: string): Command {
  const text = input.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase().replace(/[.!]+$/, '');
  const simple = bare[lower];
  if (simple) return simple;

  const space = lower.indexOf(' ');
  const verb = space === -1 ? lower : lower.slice(0, space);
  const arg = space === -1 ? '' : text.slice(space + 1).trim();
  const kind = kindWords[verb.replace(/\?+$/, '')];
  if (kind) return parseKindCommand(kind, arg);
  const planVerb = planVerbs[verb];
  // A bare `done` or `accept` is left to the interview (an answer), so the plan verbs need an item.
  if (planVerb && arg !== '') return parsePlanChange(planVerb, arg);
  switch (verb) {
    case 'list':
      return parseList(arg);
    case 'plan':
      return /^all$/i.test(arg) ? { type: 'planAll' } : { type: 'plan', ...(arg !== '' && { ref: arg }) };
    case 'plans':
      if (arg === '') return { type: 'planAll' };
      break;
    case 'add':
    case 'drop':
    case 'remove':
      if (arg !== '' && !/\s/.test(arg)) return { type: 'edit', op: verb === 'add' ? 'add' : 'drop', id: arg };
      break;
    case 'milestone':
      return { type: 'milestone', name: requireArg(arg, 'milestone <name>').slice(0, 100) };
    case 'export':
      return parseExport(arg);
    case 'help':
      return { type: 'help' };
    case 'lookup':
    case 'search':
      return { type: 'lookup', query: requireArg(arg, 'lookup <words>') };
    case 'show':
      return { type: 'showEntry', id: arg };
    case 'set':
      return parseSet(arg);
    case 'diff':
      return parseDiff(arg);
    case 'name':
    case 'title':
      return { type: 'name', title: requireArg(arg, 'name <title>').slice(0, 200) };
    case 'why': {
      if (/^not$/i.test(arg)) requireArg('', 'why not <id>');
      const not = /^not\s+(.*)$/i.exec(arg);
      if (not) return { type: 'whyNot', id: requireArg((not[1] ?? '').replace(/\?$/, '').trim(), 'why not <id>') };
      return { type: 'why', id: requireArg(arg.replace(/\?$/, '').trim(), 'why <id>') };
    }
    case 'explain': {
      // A check id (`explain availability`) gets its formula; anything else stays a question.
      const query = arg.replace(/\?+$/, '').trim();
      if (query !== '') return { type: 'explain', query };
      break;
    }
  }
  for (const form of questionForms) {
    const m = form.exec(text);
    if (m?.[1]) return { type: 'question', query: m[1] };
  }
  return { type: 'text', text };
}

const yesWords = new Set(['yes', 'y', 'yeah', 'yep', 'sure', 'ok', 'okay', 'confirm', 'yes delete', 'delete it', 'do it']);
const noWords = new Set(['no', 'n', 'nope', 'keep', 'keep it', 'no keep it', 'cancel', 'stop']);

/** True for a confirming answer ("yes", "y", "sure"). */
export function isYes(text: string): boolean {
  return yesWords.has(text.trim().toLowerCase().replace(/[.!,]+/g, '').replace(/\s+/g, ' '));
}

/** True for a declining answer ("no", "keep it"). */
export function isNo(text: string): boolean {
  return noWords.has(text.trim().toLowerCase().replace(/[.!,]+/g, '').replace(/\s+/g, ' '));
}
