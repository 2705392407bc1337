import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from '../../src/config.ts';

describe('configuration from the environment', () => {
  it('runs with no variables at all, on the file store with a 7-day session expiry', () => {
    const config = loadConfig({});
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.store).toBe('file:./var/quorum');
    expect(config.sessionTtlMs).toBe(7 * 86_400_000);
  });

  it('chooses Socket Mode when a bot token and an app token are set', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.slack?.mode).toBe('socket');
  });

  it('chooses the HTTP receiver on PORT when a signing secret is set without an app token', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '4123' });
    expect(config.slack).toMatchObject({ mode: 'http', port: 4123 });
  });

  it('chooses OAuth install when client id, secret, state secret and signing secret are set', () => {
    const env = { SLACK_CLIENT_ID: '1', SLACK_CLIENT_SECRET: '2', SLACK_STATE_SECRET: '3', SLACK_SIGNING_SECRET: '4' };
    expect(loadConfig(env).slack?.mode).toBe('oauth');
  });

  it('names the variable and what is allowed when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a TCP port number/);
    expect(() => loadConfig({ QUORUM_SESSION_TTL: 'forever' })).toThrow(/QUORUM_SESSION_TTL must be a duration/);
    expect(() => loadConfig({ QUORUM_STORE: 'mysql://x' })).toThrow(/QUORUM_STORE must be 'file:<directory>'/);
    expect(() => loadConfig({ DISCORD_SHARDS: '-1' })).toThrow(/DISCORD_SHARDS must be 'auto'/);
    expect(() => loadConfig({ SLACK_API_URL: 'not a url' })).toThrow(/SLACK_API_URL must be an http\(s\) URL/);
  });

  it('refuses a bot token without an app token or a signing secret, and says which to add', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN .*Socket Mode.*SLACK_SIGNING_SECRET/);
  });

  it('refuses a half-configured OAuth install, naming each missing variable', () => {
    expect(() => loadConfig({ SLACK_CLIENT_ID: '1' })).toThrow(/SLACK_CLIENT_SECRET.*SLACK_STATE_SECRET.*SLACK_SIGNING_SECRET/s);
  });

  it('needs the Discord application id with a Discord token', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 't' })).toThrow(/DISCORD_APPLICATION_ID is needed/);
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456', DISCORD_MESSAGE_CONTENT: 'true' }).discord)
      .toMatchObject({ messageContent: true, shards: undefined });
  });

  it('reads durations with units and rejects the rest', () => {
    expect(parseDuration('12h')).toBe(43_200_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('0d')).toBeUndefined();
    expect(parseDuration('7 days')).toBeUndefined();
  });
});
