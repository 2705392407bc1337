/**
 * Bench subject: the bare discord.js echo bot. Logs in to the fake Discord whose REST base is
 * argv[2] (the gateway URL comes from its /gateway/bot), answers every slash command by replying
 * with its first option's value, prints `{"ready":true}` when the client is ready, and waits until
 * stdin ends; then prints its memory and exits.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { report, untilStdinEnds } from '../lib/child.ts';

const apiUrl = process.argv[2];
if (!apiUrl) throw new Error('usage: bare-discord.ts <discord api url>');
const startedAt = performance.now();
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiUrl } });
client.on(Events.InteractionCreate, async (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  const first = interaction.options.data[0];
  await interaction.reply({ content: String(first?.value ?? interaction.commandName) });
});
const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
await client.login('fake-token');
await ready;
const startMs = performance.now() - startedAt;
report({ ready: true });
await untilStdinEnds();
const memory = process.memoryUsage();
report({ startMs, rss: memory.rss, heapUsed: memory.heapUsed });
await client.destroy();
process.exit(0);
