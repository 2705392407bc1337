import { slackLimits } from '../../src/adapters/slack/slack-limits.ts';

type Json = Record<string, unknown>;

/**
 * Every way a message breaks Block Kit's documented limits, as readable strings (empty when it is valid).
 * Written from Slack's reference independently of the renderer, so the two can disagree.
 */
export function limitViolations(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  const fail = (what: string) => problems.push(what);
  if (typeof message.text !== 'string' || message.text.length === 0) fail('no top-level text fallback');
  else if (message.text.length > slackLimits.textMax) fail(`text ${message.text.length} > ${slackLimits.textMax}`);
  if (blocks.length > 50) fail(`${blocks.length} blocks > 50`);
  const actionIds = new Set<string>();
  const textOf = (t: unknown) => ((t as Json | undefined)?.text as string | undefined) ?? '';
  blocks.forEach((block, i) => {
    const at = `block ${i} (${String(block.type)})`;
    if (typeof block.block_id === 'string' && block.block_id.length > 255) fail(`${at}: block_id > 255`);
    if (block.type === 'header' && textOf(block.text).length > 150) fail(`${at}: header ${textOf(block.text).length} > 150`);
    if (block.type === 'section') {
      if (textOf(block.text).length > 3000) fail(`${at}: section text ${textOf(block.text).length} > 3000`);
      const fields = (block.fields ?? []) as Json[];
      if (fields.length > 10) fail(`${at}: ${fields.length} fields > 10`);
      for (const f of fields) if (textOf(f).length > 2000) fail(`${at}: field ${textOf(f).length} > 2000`);
      if (!block.text && fields.length === 0) fail(`${at}: empty section`);
    }
    if (block.type === 'context' && ((block.elements as Json[]) ?? []).length > 10) fail(`${at}: > 10 context elements`);
    if (block.type === 'actions') {
      const elements = (block.elements ?? []) as Json[];
      if (elements.length > 25) fail(`${at}: ${elements.length} elements > 25`);
      for (const e of elements) {
        const id = e.action_id as string;
        if (!id || id.length > 255) fail(`${at}: bad action_id`);
        if (actionIds.has(id)) fail(`${at}: duplicate action_id ${id}`);
        actionIds.add(id);
        if (e.type === 'button') {
          if (textOf(e.text).length > 75) fail(`${at}: button text > 75`);
          if (typeof e.value === 'string' && e.value.length > 2000) fail(`${at}: button value > 2000`);
        }
        if (e.type === 'static_select') {
          const options = (e.options ?? []) as Json[];
          if (options.length > 100) fail(`${at}: ${options.length} options > 100`);
          for (const o of options) {
            if (textOf(o.text).length > 75) fail(`${at}: option text > 75`);
            if ((o.value as string).length > 150) fail(`${at}: option value > 150`);
          }
        }
      }
    }
  });
  return problems;
}

// Opaque data Slack hands back on a click but never shows or parses.
const opaqueKeys = new Set(['value', 'action_id', 'block_id', 'thread_ts', 'channel', 'user', 'token']);

function shownStrings(node: unknown, out: string[]): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const item of node) shownStrings(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) if (!opaqueKeys.has(key)) shownStrings(value, out);
  }
  return out;
}

/** Everything a payload shows people, joined (opaque click data left out). */
export function shownText(payload: unknown): string {
  return shownStrings(payload, []).join('\n');
}

/** Bits of what a payload shows that Slack would turn into a live notification. */
export function liveMentions(payload: unknown): string[] {
  return shownStrings(payload, []).flatMap((text) =>
    [...text.matchAll(/<!(channel|here|everyone|subteam)[^>]*>|<@[UW][A-Z0-9]+>|@(channel|here|everyone)\b/gi)].map((m) => m[0]),
  );
}
