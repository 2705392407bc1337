import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { createInstallationStore } from '../../src/adapters/slack/slack-installations.ts';
import { startSlack, type RunningSlack } from '../../src/adapters/slack/start-slack.ts';
import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import { startFakeSlack, type FakeSlack } from './fake-slack.ts';
import { eventBody, postToSlackApp, testSigningSecret } from './slack-requests.ts';

function installation(team: string): Installation {
  return {
    team: { id: team, name: team },
    enterprise: undefined,
    user: { id: 'U-admin', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'UBOT', token: `xoxb-${team}`, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
    tokenType: 'bot',
    appId: 'AFAKE',
  };
}

/** What Slack's oauth.v2.access returns for a bot installed in `team`. */
function oauthAccess(team: string, token: string): Record<string, unknown> {
  return {
    ok: true,
    app_id: 'AFAKE',
    authed_user: { id: 'U-admin' },
    scope: 'app_mentions:read,chat:write,commands',
    token_type: 'bot',
    access_token: token,
    bot_user_id: 'UBOT',
    team: { id: team, name: `Team ${team}` },
    enterprise: null,
    is_enterprise_install: false,
  };
}

describe('the Slack app installed over OAuth', () => {
  let fake: FakeSlack;
  let quorum: Quorum;
  let slack: RunningSlack;

  beforeAll(async () => {
    fake = await startFakeSlack();
    quorum = await createQuorum({ store: 'memory:', sessionTtlMs: 86_400_000, logLevel: 'silent' });
    slack = await startSlack(
      quorum,
      { mode: 'oauth', clientId: '111.222', clientSecret: 'client-secret', stateSecret: 'state-secret', signingSecret: testSigningSecret, apiUrl: fake.apiUrl, port: 0 },
      () => {},
      { host: '127.0.0.1' },
    );
  });
  afterAll(async () => {
    await slack.stop();
    await quorum.close();
    await fake.close();
  });

  it('sends people from /slack/install to Slack’s authorize page with the bot scopes', async () => {
    const res = await fetch(`http://127.0.0.1:${slack.port}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')).toContain('app_mentions:read');
  });

  it('completes an install at /slack/oauth_redirect: exchanges the code, stores the workspace, and answers it with its own token', async () => {
    const install = await fetch(`http://127.0.0.1:${slack.port}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location')!).searchParams.get('state');
    const cookie = install.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('slack-app-oauth-state='));
    expect(state).toBeTruthy();
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
    fake.script('oauth.v2.access', { body: oauthAccess('T9', 'xoxb-T9-granted') });

    const callback = await fetch(`http://127.0.0.1:${slack.port}/slack/oauth_redirect?code=code-from-slack&state=${encodeURIComponent(state!)}`, {
      headers: { cookie: cookie! },
      redirect: 'manual',
    });
    expect(callback.status).toBe(200);
    const [exchange] = fake.callsTo('oauth.v2.access');
    expect(exchange!.params).toMatchObject({ code: 'code-from-slack', client_id: '111.222', client_secret: 'client-secret' });
    const stored = (await quorum.stores.installations.fetch('slack/team/T9/bot')) as Installation | undefined;
    expect(stored?.bot?.token).toBe('xoxb-T9-granted');
    expect(stored?.team?.id).toBe('T9');

    const before = fake.callsTo('chat.postMessage').length;
    await postToSlackApp(slack.port!, eventBody({ team: 'T9' }, { type: 'app_mention', user: 'U9', text: '<@UBOT> help', ts: '9.1', channel: 'C-T9' }));
    const posts = await fake.waitFor('chat.postMessage', before + 1);
    const answer = posts.slice(before).find((c) => c.params.channel === 'C-T9');
    expect(answer?.headers.authorization).toBe('Bearer xoxb-T9-granted');
  });

  it('rotates an expiring bot token through oauth.v2.access, keeps the new pair, and answers with the new token', async () => {
    const store = createInstallationStore(quorum.stores.installations);
    // As Bolt's installer stores an OAuth v2 install (authVersion v2 is what allows a refresh token).
    const expiring: Installation = { ...installation('T-rot'), authVersion: 'v2' };
    // Token rotation on: the installation carries a refresh token and expires within Bolt's two-hour window.
    expiring.bot = { ...expiring.bot!, token: 'xoxb-T-rot-old', refreshToken: 'xoxe-1-refresh-old', expiresAt: Math.floor(Date.now() / 1000) + 60 };
    await store.storeInstallation(expiring);
    fake.script('oauth.v2.access', {
      body: { ok: true, token_type: 'bot', access_token: 'xoxb-T-rot-new', refresh_token: 'xoxe-1-refresh-new', expires_in: 43_200, team: { id: 'T-rot' }, enterprise: null, is_enterprise_install: false },
    });
    const exchanges = fake.callsTo('oauth.v2.access').length;
    const before = fake.callsTo('chat.postMessage').length;

    await postToSlackApp(slack.port!, eventBody({ team: 'T-rot' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '3.1', channel: 'C-rot' }));
    const post = (await fake.waitFor('chat.postMessage', before + 1)).slice(before).find((c) => c.params.channel === 'C-rot');
    expect(post!.headers.authorization).toBe('Bearer xoxb-T-rot-new');
    const [refresh] = fake.callsTo('oauth.v2.access').slice(exchanges);
    expect(refresh!.params).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'xoxe-1-refresh-old', client_id: '111.222', client_secret: 'client-secret' });
    const stored = (await quorum.stores.installations.fetch('slack/team/T-rot/bot')) as Installation | undefined;
    expect(stored?.bot?.token).toBe('xoxb-T-rot-new');
    expect(stored?.bot?.refreshToken).toBe('xoxe-1-refresh-new');
    expect(stored?.bot?.expiresAt).toBeGreaterThan(Math.floor(Date.now() / 1000) + 40_000);
  });

  it('takes each state once: a replayed callback (same state and cookie) gets a friendly page and changes nothing', async () => {
    const install = await fetch(`http://127.0.0.1:${slack.port}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location')!).searchParams.get('state')!;
    const cookie = install.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('slack-app-oauth-state='))!;
    const callback = () => fetch(`http://127.0.0.1:${slack.port}/slack/oauth_redirect?code=code-${state.length}&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    fake.script('oauth.v2.access', { body: oauthAccess('T7', 'xoxb-T7-first') });
    expect((await callback()).status).toBe(200);
    const exchanges = fake.callsTo('oauth.v2.access').length;

    fake.script('oauth.v2.access', { body: oauthAccess('T7', 'xoxb-T7-replayed') });
    const replay = await callback();
    expect(replay.status).toBe(400);
    const page = await replay.text();
    expect(page).toMatch(/already used/);
    expect(page).toMatch(/install page/);
    expect(page).not.toMatch(/Error|stack|slack_oauth/);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(exchanges);
    expect(((await quorum.stores.installations.fetch('slack/team/T7/bot')) as Installation | undefined)?.bot?.token).toBe('xoxb-T7-first');
  });

  it('refuses an OAuth callback whose state does not belong to the browser, and stores nothing', async () => {
    const install = await fetch(`http://127.0.0.1:${slack.port}/slack/install`, { redirect: 'manual' });
    const state = new URL(install.headers.get('location')!).searchParams.get('state');
    fake.script('oauth.v2.access', { body: oauthAccess('T8', 'xoxb-T8') });
    const exchanges = fake.callsTo('oauth.v2.access').length;

    const callback = await fetch(`http://127.0.0.1:${slack.port}/slack/oauth_redirect?code=c&state=${encodeURIComponent(state!)}`, { redirect: 'manual' });
    expect(callback.status).toBeGreaterThanOrEqual(400);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(exchanges);
    expect(await quorum.stores.installations.fetch('slack/team/T8/bot')).toBeUndefined();
  });

  it('answers a workspace with its own installation, and forgets it on app_uninstalled and tokens_revoked', async () => {
    const store = createInstallationStore(quorum.stores.installations);
    await store.storeInstallation(installation('T-a'));
    await store.storeInstallation(installation('T-b'));

    const before = fake.callsTo('chat.postMessage').length;
    await postToSlackApp(slack.port!, eventBody({ team: 'T-a' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1.1', channel: 'C-a' }));
    const post = (await fake.waitFor('chat.postMessage', before + 1)).slice(before).find((c) => c.params.channel === 'C-a');
    expect(post!.headers.authorization).toBe('Bearer xoxb-T-a');

    await postToSlackApp(slack.port!, eventBody({ team: 'T-a' }, { type: 'app_uninstalled' }));
    await postToSlackApp(slack.port!, eventBody({ team: 'T-b' }, { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }));
    const installed = async () => (await quorum.stores.installations.fetch('slack/team/T-a/bot')) ?? (await quorum.stores.installations.fetch('slack/team/T-b/bot'));
    for (let n = 0; n < 100 && (await installed()); n++) await new Promise((r) => setTimeout(r, 20));
    await expect(store.fetchInstallation({ teamId: 'T-a', isEnterpriseInstall: false, enterpriseId: undefined })).rejects.toThrow(/not installed/);
    await expect(store.fetchInstallation({ teamId: 'T-b', isEnterpriseInstall: false, enterpriseId: undefined })).rejects.toThrow(/not installed/);
  });

});
