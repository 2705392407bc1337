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

  it('answers a workspace with its own installation, and forgets it on app_uninstalled and tokens_revoked', async () => {
    const store = createInstallationStore(quorum.stores.installations);
    await store.storeInstallation(installation('T-a'));
    await store.storeInstallation(installation('T-b'));

    await postToSlackApp(slack.port!, eventBody({ team: 'T-a' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1.1', channel: 'C-a' }));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.headers.authorization).toBe('Bearer xoxb-T-a');

    await postToSlackApp(slack.port!, eventBody({ team: 'T-a' }, { type: 'app_uninstalled' }));
    await postToSlackApp(slack.port!, eventBody({ team: 'T-b' }, { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }));
    const installed = async () => (await quorum.stores.installations.fetch('slack/team/T-a/bot')) ?? (await quorum.stores.installations.fetch('slack/team/T-b/bot'));
    for (let n = 0; n < 100 && (await installed()); n++) await new Promise((r) => setTimeout(r, 20));
    await expect(store.fetchInstallation({ teamId: 'T-a', isEnterpriseInstall: false, enterpriseId: undefined })).rejects.toThrow(/not installed/);
    await expect(store.fetchInstallation({ teamId: 'T-b', isEnterpriseInstall: false, enterpriseId: undefined })).rejects.toThrow(/not installed/);
  });
});
