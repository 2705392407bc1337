import { discordLimits as max } from '../../src/adapters/discord/limits.ts';

/**
 * Every way a message body (as sent to Discord, snake_case, or as rendered, camelCase) breaks one
 * of Discord's caps; an empty list means Discord would accept it.
 */
export function limitViolations(message: any): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => ok || out.push(what);
  const embeds: any[] = message.embeds ?? [];
  check((message.content ?? '').length <= max.content, `content ${message.content?.length}`);
  check(embeds.length <= max.embedsPerMessage, `embeds ${embeds.length}`);
  let total = 0;
  for (const e of embeds) {
    const fields: any[] = e.fields ?? [];
    check((e.title ?? '').length <= max.embedTitle, `title ${e.title?.length}`);
    check((e.description ?? '').length <= max.embedDescription, `description ${e.description?.length}`);
    check(fields.length <= max.embedFields, `fields ${fields.length}`);
    check((e.footer?.text ?? '').length <= max.footer, 'footer');
    for (const f of fields) {
      check(f.name.length > 0 && f.name.length <= max.fieldName, `field name ${f.name.length}`);
      check(f.value.length > 0 && f.value.length <= max.fieldValue, `field value ${f.value.length}`);
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length
      + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  check(total <= max.embedTotal, `embed total ${total}`);
  const rows: any[] = message.components ?? [];
  check(rows.length <= max.actionRows, `rows ${rows.length}`);
  const ids = new Set<string>();
  for (const row of rows) {
    check(row.components.length <= max.buttonsPerRow, `row of ${row.components.length}`);
    for (const c of row.components) {
      const id = c.custom_id ?? c.customId;
      check(id.length <= max.customId, `custom id ${id.length}`);
      check(!ids.has(id), `duplicate custom id ${id}`);
      ids.add(id);
      if (c.type === 2) check(c.label.length <= max.buttonLabel, `button label ${c.label.length}`);
      if (c.type === 3) {
        check(row.components.length === 1, 'select shares a row');
        check(c.options.length <= max.selectOptions, `options ${c.options.length}`);
        for (const o of c.options) check(o.label.length <= 100 && o.value.length <= 100, 'option size');
      }
    }
  }
  const mentions = message.allowed_mentions ?? message.allowedMentions;
  check(Array.isArray(mentions?.parse) && mentions.parse.length === 0, 'allowed mentions not empty');
  return out;
}
