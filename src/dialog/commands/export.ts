import type { ExportFormat } from '../export-format.ts';
import { exportMarkdown, slugify } from '../export-markdown.ts';
import { exportPlan, exportVersion } from '../plan-effects.ts';
import { designStatus } from '../plan/plan-status.ts';
import { noDesignReply, titledReply } from '../replies/basic-replies.ts';
import { answered, defineCommand } from './command.ts';

const exportFormats: Record<string, ExportFormat> = { csv: 'csv', json: 'json', md: 'md', markdown: 'md' };

/**
 * `export [csv|json|md] [<milestone or vN>]`: the Markdown design record of the latest version (or the
 * one named), or its plan as backlog rows, attached as a file.
 */
export const exportCommand = defineCommand<{ format?: ExportFormat; ref?: string }>({
  name: 'export',
  phrases: ['export'],
  verbs: ['export'],
  parse(arg) {
    const [first = '', ...rest] = arg.split(' ');
    const format = exportFormats[first.toLowerCase()];
    const ref = (format ? rest.join(' ') : arg).trim();
    return { ...(format && { format }), ...(ref !== '' && { ref }) };
  },
  run(ctx, { format, ref }) {
    if (format === 'csv' || format === 'json') return answered(exportPlan(ctx, format, ref));
    const design = ctx.design;
    if (!design) return answered(noDesignReply());
    const chosen = exportVersion(design, ref);
    const name = `${slugify(design.title)}-v${chosen.version}.md`;
    const status = designStatus(design, chosen);
    const body = `The design record of version ${chosen.version} (status: ${status.status}) is attached as ${name}.`;
    return answered(titledReply('design', design.title, body, { file: { name, content: exportMarkdown(design, chosen, ctx.catalog), mime: 'text/markdown' } }));
  },
});
