import type { BaseMessageOptions } from 'discord.js';
import type { DiscordMessage } from './render-message.ts';

/** A rendered message as discord.js send/edit options; the export file becomes an attachment. */
export function sendOptions(message: DiscordMessage): BaseMessageOptions {
  return {
    ...(message.content !== undefined && { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
    ...(message.file && { files: [{ attachment: Buffer.from(message.file.content, 'utf8'), name: message.file.name }] }),
  };
}

/** A short plain note (ephemeral where the caller says so) that mentions no one. */
export function note(content: string): BaseMessageOptions {
  return { content, embeds: [], components: [], allowedMentions: { parse: [] } };
}
