import type { Turn } from '../../dialog/turn.ts';

/** The workspace a request belongs to: its team, or the enterprise for an org-wide install. */
export function workspaceOf(context: { teamId?: string; enterpriseId?: string }): string {
  return context.teamId ?? (context.enterpriseId ? `enterprise-${context.enterpriseId}` : 'unknown-workspace');
}

/** Slack escapes `&`, `<` and `>` in what people type; the core wants the plain text back. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Removes mentions of the bot (`<@U123>` or `<@U123|quorum>`) from a message. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^<>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** A Slack turn for the core: thread = the thread's ts, or the channel id for a direct message. */
export function slackTurn(parts: Omit<Turn, 'platform'>): Turn {
  return { platform: 'slack', ...parts };
}
