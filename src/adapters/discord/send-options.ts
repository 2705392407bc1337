import type { BaseMessageOptions } from 'discord.js';
import type { DiscordMessage } from './render-message.ts';

const fileBytes = (content: string | Uint8Array): Buffer => (typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));

/** A rendered message as discord.js send/edit options; the export file becomes an attachment. */
export function sendOptions(message: DiscordMessage): BaseMessageOptions {
  return {
    ...(message.content !== undefined && { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
    ...(message.file && { files: [{ attachment: fileBytes(message.file.content), name: message.file.name }] }),
  };
}

/** A short plain note (ephemeral where the caller says so) that mentions no one. */
export function note(content: string): BaseMessageOptions {
  return { content, embeds: [], components: [], allowedMentions: { parse: [] } };
}
