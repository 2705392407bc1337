import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received: the Web API method (or `response_url`, `upload`), its parameters and headers. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
  /** The fake failed this call on purpose (failNext) and kept nothing of it. */
  failed?: true;
}

/** A one-shot scripted answer for the next call of a method. */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

/**
 * How the fake fails a call (failNext): an HTTP status; a Web API error code (`ok: false`); no answer
 * at all (the client times out); or the connection cut. With `accepted`, a post is kept as if Slack
 * had taken it before the answer was lost.
 */
export type Failure =
  | { status: number }
  | { error: string }
  | { timeout: true; accepted?: boolean }
  | { reset: true; accepted?: boolean };

/** A message the fake holds as posted (chat.postMessage that it accepted), as conversations.* return it. */
export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** A loopback stand-in for Slack: the Web API under /api/, response_url and upload endpoints, and a Socket Mode WebSocket. */
export interface FakeSlack {
  url: string;
  /** What SLACK_API_URL should be (ends with /api/). */
  apiUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Resolves once `count` calls of `method` arrived (rejects after `timeoutMs`). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Answers the next call of `method` with `response` instead of the usual success. */
  script(method: string, response: ScriptedResponse): void;
  /** What users.info says of `user` from now on (unknown users are plain members). */
  setUser(user: string, roles: { is_admin?: boolean; is_owner?: boolean }): void;
  /** Every chat.postMessage/postEphemeral to this channel fails with `error` (e.g. not_in_channel). */
  refuseChannel(channel: string, error: string): void;
  /** The next `count` calls of `method` (a Web API method, or `response_url`) fail as `failure` says. */
  failNext(method: string, count: number, failure: Failure): void;
  /** Calls of `method` the fake failed on purpose so far. */
  failedCalls(method: string): number;
  /** Messages the fake holds as posted in `channel` (and `thread`, when given), oldest first. */
  posted(channel: string, thread?: string): PostedMessage[];
  responseUrl(id: string): string;
  /** Messages the Socket Mode client sent back (acks), and a way to push envelopes to it. */
  socket: { received: unknown[]; send(message: unknown): void; connections(): number };
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const params: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      params[key] = /^[[{]/.test(value) ? (() => { try { return JSON.parse(value); } catch { return value; } })() : value;
    }
    return params;
  }
  return { raw };
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeSlack(options: { teamId?: string; botUserId?: string } = {}): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, ScriptedResponse[]>();
  const refused = new Map<string, string>();
  const users = new Map<string, { is_admin?: boolean; is_owner?: boolean }>();
  const failing = new Map<string, Failure[]>();
  const failed = new Map<string, number>();
  const messages: PostedMessage[] = [];
  const keep = (params: Record<string, unknown>, ts: string) =>
    messages.push({
      channel: String(params.channel),
      ts,
      ...(typeof params.thread_ts === 'string' && { thread_ts: params.thread_ts }),
      text: String(params.text ?? ''),
      ...(params.metadata !== undefined && { metadata: params.metadata as NonNullable<PostedMessage['metadata']> }),
    });
  // Newest first, as Slack's conversations.history answers; a thread's replies come oldest first, parent included.
  const history = (params: Record<string, unknown>, thread: boolean) => {
    const inChannel = messages.filter((m) => m.channel === params.channel);
    const found = thread ? inChannel.filter((m) => m.ts === params.ts || m.thread_ts === params.ts) : [...inChannel.filter((m) => !m.thread_ts)].reverse();
    // `include_all_metadata` is what makes Slack return the metadata.
    const withMetadata = params.include_all_metadata === true || params.include_all_metadata === 'true';
    return found.map(({ metadata, ...m }) => ({ type: 'message', bot_id: 'BBOT', ...m, ...(withMetadata && metadata && { metadata }) }));
  };
  const waiters: Array<() => void> = [];
  let ts = 1_700_000_000;
  let fileId = 0;
  let url = '';
  let wsUrl = '';

  const success = (method: string, params: Record<string, unknown>): Record<string, unknown> => {
    const channel = typeof params.channel === 'string' ? params.channel : undefined;
    if ((method === 'chat.postMessage' || method === 'chat.postEphemeral') && channel && refused.has(channel)) {
      return { ok: false, error: refused.get(channel) };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://quorum-test.slack.com/', team: 'Test', user: 'quorum', team_id: options.teamId ?? 'T0', user_id: options.botUserId ?? 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage':
        ts += 1;
        keep(params, `${ts}.000100`);
        return { ok: true, channel, ts: `${ts}.000100`, message: { text: params.text, ts: `${ts}.000100` } };
      // `oldest` is not applied: the fake's ts are not of today's clock, and the tests' threads are short.
      case 'conversations.replies':
        return { ok: true, messages: history(params, true), has_more: false };
      case 'conversations.history':
        return { ok: true, messages: history(params, false), has_more: false };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${ts}.000200` };
      case 'files.getUploadURLExternal':
        fileId += 1;
        return { ok: true, upload_url: `${url}/upload/F${fileId}`, file_id: `F${fileId}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: (params.files as Array<{ id: string; title?: string }> | undefined)?.map((f) => ({ id: f.id, title: f.title })) ?? [] };
      case 'users.info': {
        const id = String(params.user);
        return { ok: true, user: { id, name: id.toLowerCase(), is_admin: false, is_owner: false, ...users.get(id) } };
      }
      case 'apps.connections.open':
        return { ok: true, url: wsUrl };
      default:
        return { ok: true };
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = path.startsWith('/api/') ? path.slice(5) : path.startsWith('/respond/') ? 'response_url' : path.startsWith('/upload/') ? 'upload' : path;
      const params = method === 'upload' ? { raw, bytes, file: path.slice(8) } : parseBody(raw, req.headers['content-type']);
      if (method === 'response_url') params.responseId = path.slice(9);
      calls.push({ method, params, headers: req.headers, at: Date.now() });
      const failure = failing.get(method)?.shift();
      if (failure) {
        failed.set(method, (failed.get(method) ?? 0) + 1);
        if (!('accepted' in failure && failure.accepted)) calls[calls.length - 1]!.failed = true;
        for (const wake of waiters.splice(0)) wake();
        if ('accepted' in failure && failure.accepted && method === 'chat.postMessage') success(method, params);
        if ('timeout' in failure) return; // never answered: the client gives up, and close() cuts the socket
        if ('reset' in failure) return void req.socket.destroy();
        const body = 'error' in failure ? { ok: false, error: failure.error } : { ok: false, error: 'internal_error' };
        res.writeHead('status' in failure ? failure.status : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
        return;
      }
      for (const wake of waiters.splice(0)) wake();
      const script = scripted.get(method)?.shift();
      if (script) {
        res.writeHead(script.status ?? 200, { 'content-type': 'application/json', ...script.headers });
        res.end(JSON.stringify(script.body ?? { ok: false, error: 'ratelimited' }));
        return;
      }
      res.writeHead(200, { 'content-type': method === 'upload' ? 'text/plain' : 'application/json' });
      res.end(method === 'upload' ? 'OK' : JSON.stringify(method === 'response_url' ? { ok: true } : success(method, params)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  const sockets = new Set<WebSocket>();
  const received: unknown[] = [];
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('message', (data) => {
      received.push(JSON.parse(String(data)));
      for (const wake of waiters.splice(0)) wake();
    });
    ws.on('close', () => sockets.delete(ws));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'AFAKE' } }));
  });

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    callsTo,
    setUser: (user, roles) => void users.set(user, roles),
    waitFor(method, count = 1, timeoutMs = 8000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count}× ${method}; saw ${JSON.stringify(calls.map((c) => c.method))}`)), timeoutMs);
        const check = () => {
          const found = callsTo(method);
          if (found.length >= count) {
            clearTimeout(deadline);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
    script(method, response) {
      scripted.set(method, [...(scripted.get(method) ?? []), response]);
    },
    refuseChannel(channel, error) {
      refused.set(channel, error);
    },
    failNext(method, count, failure) {
      failing.set(method, [...(failing.get(method) ?? []), ...Array.from({ length: count }, () => failure)]);
    },
    failedCalls: (method) => failed.get(method) ?? 0,
    posted: (channel, thread) => messages.filter((m) => m.channel === channel && (thread === undefined || m.thread_ts === thread)),
    responseUrl: (id) => `${url}/respond/${id}`,
    socket: {
      received,
      send: (message) => sockets.forEach((ws) => ws.send(JSON.stringify(message))),
      connections: () => sockets.size,
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
