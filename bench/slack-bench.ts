import { rm } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { openStore } from '../src/store/open-store.ts';
import { makeCore } from '../test/helpers/dialog-harness.ts';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../test/slack/fake-slack.ts';
import { eventBody, newEventId, postToSlackApp, slashCommandBody, testSigningSecret } from '../test/slack/slack-requests.ts';
import { startSubject } from './lib/child.ts';
import { figure, type Figure } from './lib/figures.ts';
import { newStoreDir } from './lib/seed-store.ts';
import { nowMs, summarize } from './lib/stats.ts';
import { answerTo, maxAnswers } from './lib/scripted-person.ts';
import { ThreadPosts } from './lib/thread-posts.ts';
import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { mixedQueries } from './lookup-bench.ts';

interface ServedApp {
  port: number;
  /** Stops the app; resolves with what it reported (errors logged, memory). */
  finish(): Promise<{ errors?: number; warnings?: number; rss: number }>;
}

/** How long a served subject may live: 200 loaded interviews, a person's patience for late replies, then the baseline. */
const subjectLifeMs = 900_000;

/** Quorum (Slack adapter, real core, file store in `dir`) in its own process, listening on loopback against `fake`. */
async function serveQuorum(fake: FakeSlack, dir: string): Promise<ServedApp> {
  const subject = await startSubject<{ errors: number; warnings: number; rss: number }>('quorum-slack', [fake.apiUrl, dir, '--serve', '--secret', testSigningSecret], subjectLifeMs);
  return { port: Number(subject.ready.port), finish: () => subject.finish() };
}

/** The bare Bolt echo app in its own process, against the same fake. */
async function serveBareBolt(fake: FakeSlack): Promise<ServedApp> {
  const subject = await startSubject<{ rss: number }>('bare-bolt', [fake.apiUrl, '--serve', '--secret', testSigningSecret], subjectLifeMs);
  return { port: Number(subject.ready.port), finish: () => subject.finish() };
}

let responses = 0;

/** One signed `/quorum <text>` to the app on `port`: ms to the HTTP ack, and to the first response_url call. */
async function slashRoundTrip(fake: FakeSlack, port: number, text: string): Promise<{ ack: number; reply: number }> {
  const before = fake.callsTo('response_url').length;
  const id = `bench${++responses}`;
  const body = slashCommandBody({ team: 'T1', channel: 'C1', user: 'U1' }, text, fake.responseUrl(id));
  const start = nowMs();
  const replied = fake.waitFor('response_url', before + 1, 10_000).then(() => nowMs());
  const acked = await postToSlackApp(port, body, { form: true });
  const ack = nowMs() - start;
  if (acked.status !== 200) throw new Error(`slash command answered ${acked.status}`);
  const reply = (await replied) - start;
  return { ack, reply };
}

/**
 * Figure 3: `/quorum lookup <query>` over HTTP on loopback, Quorum against the bare Bolt echo app,
 * each in its own process (so the driver never shares their event loop), both driven through the same fake Slack, one request at a time, alternating between the two apps.
 */
export async function benchSlackRoundTrip(options: { samples: number; warmup: number; command?: string }): Promise<Figure[]> {
  const fake = await startFakeSlack();
  const dir = await newStoreDir();
  const app = await serveQuorum(fake, dir);
  const bare = await serveBareBolt(fake);
  let errors = Number.NaN;
  try {
    const queries = mixedQueries(loadCatalog(), options.samples + options.warmup, 3).map((q) => options.command ?? `lookup ${q}`);
    const q = { ack: [] as number[], reply: [] as number[] };
    const b = { ack: [] as number[], reply: [] as number[] };
    for (const [i, text] of queries.entries()) {
      const rb = await slashRoundTrip(fake, bare.port, text);
      const rq = await slashRoundTrip(fake, app.port, text);
      if (i < options.warmup) continue;
      b.ack.push(rb.ack);
      b.reply.push(rb.reply);
      q.ack.push(rq.ack);
      q.reply.push(rq.reply);
    }
    const [qa, qr, ba, br] = [summarize(q.ack), summarize(q.reply), summarize(b.ack), summarize(b.reply)];
    errors = (await app.finish()).errors ?? Number.NaN;
    return [
      figure('3 slack slash → ack p50', qa.p50, 'ms', { baseline: ba.p50, target: { maxRatio: 1.2 } }),
      figure('3 slack slash → ack p99', qa.p99, 'ms', { baseline: ba.p99 }),
      figure('3 slack slash → reply at fake p50', qr.p50, 'ms', { baseline: br.p50, target: { maxRatio: 1.5 } }),
      figure('3 slack slash → reply at fake p99', qr.p99, 'ms', { baseline: br.p99 }),
      figure('3 slack errors logged by Quorum', errors, 'errors', { target: { maxValue: 0 } }),
    ];
  } finally {
    if (Number.isNaN(errors)) await app.finish().catch(() => undefined);
    await bare.finish();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

let messageTs = 0;

/** Posts one thread message event (a person answering in the thread) to the app on `port`. */
async function threadMessage(port: number, channel: string, user: string, threadTs: string, text: string): Promise<void> {
  messageTs += 1;
  const event = { type: 'message', channel, user, text, ts: `1750000000.${String(messageTs).padStart(6, '0')}`, thread_ts: threadTs, channel_type: 'channel' };
  const body = eventBody({ team: 'T1' }, event, newEventId());
  // A connection the server dropped (a kept-alive one it closed just then, or one refused under load):
  // send again, as Slack retries an event up to three times. The event id is the same, so an app that
  // did get an earlier copy drops this one.
  let result;
  for (let retry = 0; !result; retry++) {
    const headers: Record<string, string> = retry === 0 ? {} : { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_error' };
    result = await postToSlackApp(port, body, { headers }).catch((err: unknown) => {
      if (retry === 3 || !(err instanceof TypeError)) throw err;
      return undefined;
    });
  }
  if (result.status !== 200) throw new Error(`event answered ${result.status}`);
}

/** Runs `count` workers over `jobs` indexes 0 … jobs-1. */
async function inParallel(jobs: number, work: (i: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: jobs }, (_, i) => work(i)));
}

/** The text of the latest post (of those given) that asks an interview question, or '' when none does. */
function questionIn(posts: readonly RecordedCall[]): string {
  return [...posts].reverse().map((p) => String(p.params.text ?? '')).find((text) => answerTo(text) !== undefined) ?? '';
}

/** How long a person waits for Quorum's answer before giving up on the interview: past any retry of a failed reply. */
const patienceMs = 180_000;

/** One interview as the scripted person walks it in a thread: the posts each turn brought, and the answers given. */
interface Walked {
  /** Thread posts after each turn (cumulative): the opener's question first, then one entry per answer. */
  postsAfter: number[];
  answers: string[];
}

/**
 * Walks one interview through the Slack path: `/quorum design`, then the person answers each question
 * once Quorum's posts for the previous turn are in. `expected` (the quiet run's `postsAfter`) says how
 * many posts each turn brings; without it (the quiet run itself) a turn is in when a question or the
 * closing assessment arrived and the thread has been still for a moment.
 */
async function walkInterview(port: number, fake: FakeSlack, posts: ThreadPosts, i: number, expected?: Walked, replyMs: number[] = [], progress = { turn: 0 }): Promise<Walked & { thread: string }> {
  const channel = `CI${i}`;
  const user = `UI${i}`;
  const started = await postToSlackApp(port, slashCommandBody({ team: 'T1', channel, user }, 'design', fake.responseUrl(`d${i}`)), { form: true });
  if (started.status !== 200) throw new Error(`/quorum design answered ${started.status}`);
  await posts.waitFor(channel, '', 1, patienceMs);
  // The first question arrives in the new thread; its thread_ts is the opener's ts.
  let thread: string | undefined;
  while (!thread) {
    thread = posts.threadsIn(channel)[0];
    if (!thread) await new Promise((r) => setTimeout(r, 2));
  }
  const walked: Walked = { postsAfter: [], answers: [] };
  const turnIn = async (turn: number) => {
    const want = expected?.postsAfter[turn];
    if (want !== undefined) return (await posts.waitFor(channel, thread, want, patienceMs)).length;
    return quietCount(posts, channel, thread, (walked.postsAfter.at(-1) ?? 0) + 1);
  };
  walked.postsAfter.push(await turnIn(0));
  for (let turn = 1; turn <= maxAnswers; turn++) {
    const answer = answerTo(questionIn(posts.posts(channel, thread).slice(walked.postsAfter.at(-2) ?? 0)));
    if (answer === undefined || (expected && turn >= expected.postsAfter.length)) break;
    progress.turn = turn;
    const sent = nowMs();
    await threadMessage(port, channel, user, thread, answer);
    walked.answers.push(answer);
    walked.postsAfter.push(await turnIn(turn));
    replyMs.push(nowMs() - sent);
  }
  return { ...walked, thread };
}

/** Waits for at least `min` posts in the thread, then until no new one came for half a second; the count then. */
async function quietCount(posts: ThreadPosts, channel: string, thread: string, min: number): Promise<number> {
  let seen = (await posts.waitFor(channel, thread, min, patienceMs)).length;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = posts.posts(channel, thread).length;
    if (now === seen) return now;
    seen = now;
  }
}

/**
 * Figure 8: `interviews` design interviews advanced at once through the Slack HTTP path: each starts
 * with `/quorum design`, then a scripted person answers each question Quorum asks in its thread,
 * waiting for Quorum's posts like a person would. A quiet interview first says how many posts each
 * turn brings; every loaded thread is then checked for replies lost (fewer posts) or posted twice
 * (more), and its saved design against a reference run through the core alone (no lost answer), and
 * that nothing was logged as an error. The baseline is the bare Bolt app echoing as many thread messages.
 */
export async function benchSlackConcurrency(options: { interviews: number; faultEveryPosts?: number }): Promise<Figure[]> {
  const reference = await referenceRequirements();
  const fake = await startFakeSlack();
  const posts = new ThreadPosts(fake);
  const dir = await newStoreDir();
  const app = await serveQuorum(fake, dir);
  // The baseline gets a fake of its own when faults are injected, so no fault meant for Quorum reaches it.
  const bareFake = options.faultEveryPosts ? await startFakeSlack() : fake;
  const barePosts = options.faultEveryPosts ? new ThreadPosts(bareFake) : posts;
  const bare = await serveBareBolt(bareFake);
  let finished: { errors?: number; warnings?: number } | undefined;
  const replyMs: number[] = [];
  let failures = 0;
  try {
    const quiet = await walkInterview(app.port, fake, posts, options.interviews, undefined);
    const turnsPerInterview = quiet.postsAfter.length;
    const start = nowMs();
    // With faults, the fake Slack fails one post in every `faultEveryPosts`, in turn: two 503s in a row (one
    // try of the SDK, which retries once), and a post it keeps but never answers (the client times out).
    // A new fault only once the last one was met, so they never pile up into an outage. Counted in posts,
    // not on a clock: a fault a second would, once most interviews are done, land on the few replies still
    // going, try after try, which is an outage of those replies (given up after ~100 s by design).
    let faults = 0;
    let faultCalls = 0;
    let postsAtLastFault = 0;
    const everyPosts = options.faultEveryPosts;
    const injecting = everyPosts
      ? setInterval(() => {
          const postsSoFar = fake.callsTo('chat.postMessage').length;
          if (fake.failedCalls('chat.postMessage') < faultCalls || postsSoFar - postsAtLastFault < everyPosts) return;
          postsAtLastFault = postsSoFar;
          faults += 1;
          faultCalls += faults % 2 ? 2 : 1;
          fake.failNext('chat.postMessage', faults % 2 ? 2 : 1, faults % 2 ? { status: 503 } : { timeout: true, accepted: true });
        }, 20)
      : undefined;
    const threads = new Array<string | undefined>(options.interviews);
    // The last turn each person waited for: a person who gave up never asked the turns after it.
    const reached = Array.from({ length: options.interviews }, () => ({ turn: 0 }));
    let gaveUp = 0;
    await inParallel(options.interviews, async (i) => {
      try {
        threads[i] = (await walkInterview(app.port, fake, posts, i, quiet, replyMs, reached[i])).thread;
      } catch {
        // A reply that never came: the person stops; the count below says how many posts are missing.
        gaveUp += 1;
        threads[i] = posts.threadsIn(`CI${i}`)[0];
      }
    });
    const seconds = (nowMs() - start) / 1000;
    clearInterval(injecting);
    // Replies still being retried get the patience a person would give them before they count as lost.
    const got = () => Array.from({ length: options.interviews }, (_, i) => (threads[i] ? posts.posts(`CI${i}`, threads[i]).length : 0));
    const owed = reached.map((r) => quiet.postsAfter[r.turn]!);
    const missing = () => got().some((n, i) => n < owed[i]!);
    const deadline = nowMs() + (missing() ? patienceMs : 300);
    while (nowMs() < deadline && missing()) await new Promise((r) => setTimeout(r, 250));
    const counts = got();
    const lost = counts.reduce((sum, n, i) => sum + Math.max(0, owed[i]! - n), 0);
    const twice = counts.reduce((sum, n, i) => sum + Math.max(0, n - owed[i]!), 0);
    finished = await app.finish();
    const stores = await openStore(`file:${dir}`);
    for (let i = 0; i < options.interviews; i++) {
      const thread = threads[i];
      const design = thread && (await stores.designs.getDesign({ platform: 'slack', workspace: 'T1', channel: `CI${i}`, thread }));
      if (!design || !isDeepStrictEqual(design.versions.at(-1)?.requirements, reference)) failures += 1;
    }
    await stores.close();
    const turns = options.interviews * turnsPerInterview;

    // Baseline: the bare app echoes as many thread messages, with the same parallelism.
    const bareStart = nowMs();
    await inParallel(options.interviews, async (i) => {
      const channel = `CB${i}`;
      const thread = `1760000000.${String(i).padStart(6, '0')}`;
      for (let n = 0; n < turnsPerInterview; n++) {
        await threadMessage(bare.port, channel, `UB${i}`, thread, `answer ${n}`);
        await barePosts.waitFor(channel, thread, n + 1);
      }
    });
    const bareSeconds = (nowMs() - bareStart) / 1000;
    const reply = summarize(replyMs);
    const slack = everyPosts ? `8 slack, one post in ${everyPosts} failed (${faults} faults),` : '8 slack';
    return [
      figure(`${slack} ${options.interviews} parallel interviews: throughput`, turns / seconds, 'turns/s', { baseline: turns / bareSeconds }),
      figure(`${slack} answer → next question p50 (under load)`, reply.p50, 'ms'),
      figure(`${slack} answer → next question p99 (under load)`, reply.p99, 'ms'),
      figure(`${slack} thread posts lost (of ${owed.reduce((a, b) => a + b, 0)} owed)`, lost, 'posts', { target: { maxValue: 0 } }),
      figure(`${slack} replies posted twice`, twice, 'posts', { target: { maxValue: 0 } }),
      figure(`${slack} interviews the person gave up on`, gaveUp, 'interviews', { target: { maxValue: 0 } }),
      figure(`${slack} interviews with a lost or wrong answer`, failures, 'interviews', { target: { maxValue: 0 } }),
      figure(`${slack} errors logged by Quorum`, finished.errors ?? Number.NaN, 'errors', { target: { maxValue: 0 } }),
      // Each failed send that is retried is a warning; with faults injected, these are expected.
      figure(`${slack} warnings logged by Quorum`, finished.warnings ?? Number.NaN, 'warnings'),
    ];
  } finally {
    posts.stop();
    barePosts.stop();
    if (!finished) await app.finish().catch(() => undefined);
    await bare.finish();
    await fake.close();
    if (bareFake !== fake) await bareFake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The requirements the scripted person's checkout interview saves when run through the core alone. */
async function referenceRequirements(): Promise<unknown> {
  const { core, store } = await makeCore();
  const where = { platform: 'slack' as const, workspace: 'T1', channel: 'CREF', thread: 'ref', user: 'UREF' };
  let said = (await core.handle({ ...where, text: 'design' })).replies;
  for (let turn = 0; turn < maxAnswers; turn++) {
    const answer = answerTo([...said].reverse().map((r) => r.text).find((text) => answerTo(text) !== undefined) ?? '');
    if (answer === undefined) break;
    said = (await core.handle({ ...where, text: answer })).replies;
  }
  const design = await store.getDesign(where);
  if (!design) throw new Error('the reference interview saved no design');
  return design.versions.at(-1)!.requirements;
}
