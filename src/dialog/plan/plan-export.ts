import type { Design } from '../ports/design-store.ts';
import { ownerText } from './plan-change.ts';
import type { PlanItem, PlanView } from './plan-view.ts';

/** One backlog row: an item of one design version with its status. */
export interface PlanRow {
  id: string;
  kind: PlanItem['kind'];
  title: string;
  status: PlanItem['status'];
  owner: string;
  reason: string;
  impact: PlanItem['impact'];
  design: string;
  version: number;
  changedBy: string;
  changedAt: string;
  detail: string;
}

/** The rows of a plan, in plan order. */
export function planRows(design: Design, view: PlanView): PlanRow[] {
  return view.items.map((i) => ({
    id: i.id,
    kind: i.kind,
    title: i.title,
    status: i.status,
    owner: i.owner ? ownerText(i.owner).replace(/^@/, '') : '',
    reason: i.reason ?? '',
    impact: i.impact,
    design: design.id,
    version: view.version,
    changedBy: i.changedBy ?? '',
    changedAt: i.changedAt ?? '',
    detail: i.detail,
  }));
}

const columns: Array<keyof PlanRow> = ['id', 'kind', 'title', 'status', 'owner', 'reason', 'impact', 'design', 'version', 'changedBy', 'changedAt', 'detail'];

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (=, +, -, @ first)
 * gets a leading apostrophe: the rows carry text people typed.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The plan as CSV, a header row then one row per item, CRLF line ends. */
export function planCsv(rows: PlanRow[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** The plan as JSON: the design, the version and the rows. */
export function planJson(design: Design, view: PlanView, rows: PlanRow[]): string {
  return `${JSON.stringify({ design: { id: design.id, title: design.title, version: view.version }, items: rows }, null, 2)}\n`;
}

/**
 * An "Open as issue" link for one item from a URL template with `{title}` and `{body}`, both URL-encoded;
 * undefined when no template is configured or the result is no http(s) URL.
 */
export function issueUrl(template: string | undefined, design: Design, item: PlanItem, version: number): string | undefined {
  if (!template) return undefined;
  const title = `[${design.title}] ${item.title}`.slice(0, 200);
  const body = [
    `${item.kind} ${item.id} of design "${design.title}" (${design.id}), version ${version}; impact ${item.impact}, status ${item.status}.`,
    '',
    item.detail,
  ].join('\n').slice(0, 1500);
  const url = template.replace(/\{title\}/g, encodeURIComponent(title)).replace(/\{body\}/g, encodeURIComponent(body));
  return /^https?:\/\//i.test(url) && url.length <= 3000 ? url : undefined;
}
