import { REST, Routes } from 'discord.js';
import type { Config } from '../../config.ts';
import { commandDefinitions } from './commands.ts';

/** Where the commands went and how many Discord now holds. */
export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

/**
 * Registers Quorum's slash commands with one bulk overwrite (PUT): to one guild when `guildId` is set
 * (instant), else globally. Running it twice leaves Discord with the same set.
 */
export async function deployCommands(discord: NonNullable<Config['discord']>): Promise<DeployResult> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const route = discord.guildId
    ? Routes.applicationGuildCommands(discord.applicationId, discord.guildId)
    : Routes.applicationCommands(discord.applicationId);
  const saved = (await rest.put(route, { body: commandDefinitions() })) as Array<{ name: string }>;
  return {
    scope: discord.guildId ? 'guild' : 'global',
    ...(discord.guildId && { guildId: discord.guildId }),
    names: saved.map((c) => c.name),
  };
}
