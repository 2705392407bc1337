import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** The scopes the bot is installed with: a bot user, and slash commands. */
export const inviteScopes = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** Exactly the permissions Quorum uses: read and post in channels and threads, open threads, embeds and files. */
export const invitePermissions = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
]).freeze();

/** The OAuth2 URL a server admin opens to add Quorum to a server. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: inviteScopes.join(' '),
    permissions: invitePermissions.bitfield.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
