import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A loopback fake of Discord for tests: a REST server (the subset Quorum uses) and a gateway
 * WebSocket on the same port. It says hello, accepts identify, sends READY and one GUILD_CREATE per
 * guild, acks heartbeats, dispatches interactions, and records every REST call.
 */

/** One REST call the bot made. `body` is the JSON body (multipart `payload_json` for uploads). */
export interface RecordedCall {
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/channels/123/messages`. */
  path: string;
  body: any;
  files: Array<{ name: string; content: string; bytes: Buffer }>;
  at: number;
  /** What the fake answered (a message object for message calls). */
  response?: any;
}

/** A guild of the fake with its one text channel. */
export interface FakeGuild {
  id: string;
  channelId: string;
}

/** A user of the fake (someone clicking and typing). */
export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

let counter = 0n;
/** A fresh snowflake-like id, increasing. */
export function snowflake(): string {
  counter += 1n;
  return (1_300_000_000_000_000_000n + BigInt(Date.now() % 1_000_000) * 1000n + counter).toString();
}

const allPermissions = (1n << 50n) - 1n;

/** The fake itself: start() it, point DISCORD_API_URL at `apiUrl`, then dispatch and inspect `calls`. */
export class FakeDiscord extends EventEmitter {
  readonly applicationId = '1200000000000000001';
  readonly bot: FakeUser = { id: '1200000000000000001', username: 'Quorum', bot: true };
  readonly calls: RecordedCall[] = [];
  /** Registered commands per scope (`global` or a guild id), as PUT last set them. */
  readonly commands = new Map<string, any[]>();
  /** Every message the fake has created or edited, by id. */
  readonly messages = new Map<string, any>();
  /** What IDENTIFY asked for. */
  identify: any;
  apiUrl = '';
  gatewayUrl = '';
  private readonly threads = new Map<string, any>();
  private readonly interactionChannel = new Map<string, { channelId: string; guildId?: string }>();
  private readonly dispatchedAt = new Map<string, number>();
  private readonly failures: Array<{ method: string; path: RegExp; status: number; body: unknown; headers: Record<string, string> }> = [];
  private readonly server = createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ server: this.server });
  private socket: WebSocket | undefined;
  private seq = 0;

  readonly guilds: FakeGuild[];

  constructor(guilds: FakeGuild[] = [{ id: '1100000000000000001', channelId: '1100000000000000101' }]) {
    super();
    this.guilds = guilds;
    this.setMaxListeners(100);
    this.wss.on('connection', (socket) => this.onGateway(socket));
  }

  /** Starts listening on 127.0.0.1 (a free port). */
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /**
   * The next call matching `method` and `path` answers with `status` and a Discord error body (and `headers`,
   * such as a 429's rate-limit headers).
   */
  failNext(method: string, path: RegExp, status: number, body: { message: string; code?: number; retry_after?: number; global?: boolean }, headers: Record<string, string> = {}): void {
    this.failures.push({ method, path, status, body, headers });
  }

  /** Resolves with the first recorded call (past or future) that matches. */
  waitFor(match: (call: RecordedCall) => boolean, timeoutMs = 5000, from = 0): Promise<RecordedCall> {
    const found = this.calls.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('call', listener);
        reject(new Error(`no matching call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`));
      }, timeoutMs);
      const listener = (call: RecordedCall) => {
        if (!match(call)) return;
        clearTimeout(timer);
        this.off('call', listener);
        resolve(call);
      };
      this.on('call', listener);
    });
  }

  /** Milliseconds from dispatching an interaction to the bot's callback for it. */
  latencyOf(call: RecordedCall): number | undefined {
    const id = /^\/interactions\/(\d+)\//.exec(call.path)?.[1];
    const sent = id ? this.dispatchedAt.get(id) : undefined;
    return sent === undefined ? undefined : call.at - sent;
  }

  /** Sends a gateway event to the connected bot. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('the bot is not connected to the fake gateway');
    this.seq += 1;
    this.socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** Dispatches INTERACTION_CREATE; returns the payload (its id and token identify the callback). */
  interact(payload: any): any {
    this.interactionChannel.set(payload.token, { channelId: payload.channel_id, guildId: payload.guild_id });
    this.dispatchedAt.set(payload.id, performance.now());
    this.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  /** Dispatches MESSAGE_CREATE: `author` types `content` in a channel or thread of the first guild, mentioning `mentions`. */
  type(channelId: string, author: FakeUser, content: string, mentions: FakeUser[] = []): void {
    this.dispatch('MESSAGE_CREATE', {
      id: snowflake(),
      channel_id: channelId,
      guild_id: this.guilds[0]!.id,
      author: userObject(author),
      member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: mentions.map(userObject),
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    });
  }

  /** A thread channel the bot created, by id. */
  thread(id: string): any {
    return this.threads.get(id);
  }

  /** Creates a thread under a guild channel as if a person had opened it. */
  addThread(guild: FakeGuild): any {
    const thread = threadObject(snowflake(), guild, 'A thread someone else opened', '1300000000000009999');
    this.threads.set(thread.id, thread);
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return thread;
  }

  /** The base of an interaction payload in a guild channel (or a thread of it). */
  base(type: number, user: FakeUser, where: { guild?: FakeGuild; threadId?: string; appPermissions?: bigint; memberPermissions?: bigint } = {}): any {
    const guild = where.guild ?? this.guilds[0]!;
    const thread = where.threadId ? this.threads.get(where.threadId) : undefined;
    const channel = thread ?? { id: guild.channelId, type: 0, guild_id: guild.id, name: 'design-reviews', permission_overwrites: [], position: 0, nsfw: false, flags: 0 };
    const id = snowflake();
    return {
      id,
      application_id: this.applicationId,
      type,
      token: `token-${id}`,
      version: 1,
      guild_id: guild.id,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      channel_id: channel.id,
      channel,
      member: {
        user: userObject(user),
        roles: [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        permissions: (where.memberPermissions ?? allPermissions).toString(),
      },
      app_permissions: (where.appPermissions ?? allPermissions).toString(),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: 8_388_608,
    };
  }

  private onGateway(socket: WebSocket): void {
    this.socket = socket;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw));
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        this.identify = packet.d;
        this.dispatch('READY', {
          v: 10,
          user: userObject(this.bot),
          guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: 'fake-session',
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: this.applicationId, flags: 0 },
        });
        for (const guild of this.guilds) this.dispatch('GUILD_CREATE', guildObject(guild, this.bot));
      }
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api/, '').replace(/^\/v\d+/, '');
    const method = req.method ?? 'GET';
    const { body, files } = await parseBody(raw, String(req.headers['content-type'] ?? ''));
    const call: RecordedCall = { method, path, body, files, at: performance.now() };
    const failure = this.failures.findIndex((f) => f.method === method && f.path.test(path));
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      this.record(call);
      return send(res, f!.status, f!.body, f!.headers);
    }
    const [status, answer] = this.route(method, path, body);
    // Record after routing, so a waiter sees the state the answer created (e.g. a new thread).
    call.response = answer;
    this.record(call);
    send(res, status, answer);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.emit('call', call);
  }

  private route(method: string, path: string, body: any): [number, unknown] {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }];
    }
    if (method === 'GET' && path === '/users/@me') return [200, userObject(this.bot)];
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const scope = m[2] ?? 'global';
      if (method === 'PUT') {
        const saved = (body as any[]).map((c) => ({ ...c, id: commandId(scope, c.name), application_id: m![1], version: '1' }));
        this.commands.set(scope, saved);
      }
      return [200, this.commands.get(scope) ?? []];
    }
    if ((m = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      const where = this.interactionChannel.get(m[1]!);
      if (method === 'PATCH' || method === 'POST') return [200, this.message(where?.channelId ?? '0', where?.guildId, body, m[2] === '@original' ? `orig-${m[1]}` : undefined)];
      if (method === 'DELETE') return [204, undefined];
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      return [200, this.message(m[1]!, this.threads.get(m[1]!)?.guild_id ?? this.guilds.find((g) => g.channelId === m![1])?.id, body)];
    }
    if ((m = /^\/channels\/(\d+)\/threads$/.exec(path)) && method === 'POST') {
      const guild = this.guilds.find((g) => g.channelId === m![1]);
      if (!guild) return [404, { message: 'Unknown Channel', code: 10003 }];
      const thread = threadObject(snowflake(), guild, body?.name ?? 'thread', this.bot.id);
      this.threads.set(thread.id, thread);
      return [201, thread];
    }
    return [404, { message: `The fake does not know ${method} ${path}`, code: 0 }];
  }

  private message(channelId: string, guildId: string | undefined, body: any, fixedId?: string): any {
    const id = fixedId && this.messages.has(fixedId) ? this.messages.get(fixedId).id : snowflake();
    const message = {
      id,
      channel_id: channelId,
      ...(guildId && { guild_id: guildId }),
      author: userObject(this.bot),
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      type: 0,
      flags: body?.flags ?? 0,
    };
    this.messages.set(fixedId ?? id, message);
    return message;
  }
}

function commandId(scope: string, name: string): string {
  // Stable per scope and name, like Discord keeps ids across identical overwrites.
  let h = 0;
  for (const ch of `${scope}/${name}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return (1_250_000_000_000_000_000n + BigInt(h)).toString();
}

function userObject(user: FakeUser): any {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null, bot: user.bot ?? false, public_flags: 0 };
}

function threadObject(id: string, guild: FakeGuild, name: string, ownerId: string): any {
  return {
    id,
    type: 11,
    guild_id: guild.id,
    parent_id: guild.channelId,
    name,
    owner_id: ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 10080, archive_timestamp: new Date().toISOString(), locked: false },
  };
}

function guildObject(guild: FakeGuild, bot: FakeUser): any {
  return {
    id: guild.id,
    name: `Guild ${guild.id.slice(-3)}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '1300000000000000000',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: '@everyone', color: 0, hoist: false, position: 0, permissions: allPermissions.toString(), managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: userObject(bot), roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }],
    channels: [{ id: guild.channelId, type: 0, guild_id: guild.id, name: 'design-reviews', position: 0, permission_overwrites: [], parent_id: null, topic: null, nsfw: false, rate_limit_per_user: 0, last_message_id: null, flags: 0 }],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

async function parseBody(raw: Buffer, contentType: string): Promise<{ body: any; files: RecordedCall['files'] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: RecordedCall['files'] = [];
    let body: any;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push({ name: value.name, content: await value.text(), bytes: Buffer.from(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
