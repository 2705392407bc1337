import type { types } from '@slack/bolt';
import { chunkText } from './mrkdwn.ts';
import { slackLimits } from './slack-limits.ts';

/** Already-escaped mrkdwn as one or more sections of at most 3,000 characters each. */
export function sectionBlocks(mrkdwn: string): types.KnownBlock[] {
  if (mrkdwn.trim() === '') return [];
  return chunkText(mrkdwn, slackLimits.sectionText).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** Already-escaped mrkdwn lines as context blocks (small grey text), within the element limits. */
export function contextBlocks(lines: string[]): types.KnownBlock[] {
  const elements = lines.flatMap((line) => chunkText(line, slackLimits.sectionText)).map((text) => ({ type: 'mrkdwn' as const, text }));
  const blocks: types.KnownBlock[] = [];
  for (let at = 0; at < elements.length; at += slackLimits.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(at, at + slackLimits.contextElements) });
  }
  return blocks;
}
