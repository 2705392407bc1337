import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { botScopes } from '../../src/adapters/slack/start-slack.ts';

const slackDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'slack');
const manifests = ['manifest.yml', 'manifest-http.yml', 'manifest-oauth.yml'] as const;

/** The lines of a manifest without comments (they are plain YAML: two-space indents, `- item` lists). */
function linesOf(file: string): string[] {
  return readFileSync(path.join(slackDir, file), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, ''))
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

/** The `- item` entries of the list under the key `key:` (the first one in the file). */
function listUnder(lines: string[], key: string): string[] {
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) return [];
  const indent = lines[start]!.search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.search(/\S/) <= indent) break;
    const item = /^\s*-\s+(.+)$/.exec(line);
    if (item) items.push(item[1]!.trim());
  }
  return items;
}

/** The value of the first `key: value` line. */
function valueOf(lines: string[], key: string): string | undefined {
  return lines.map((line) => new RegExp(`^\\s*${key}:\\s*(.+)$`).exec(line)?.[1]?.trim()).find((value) => value !== undefined);
}

describe('the Slack app manifests', () => {
  it.each(manifests)('%s asks for exactly the bot scopes an OAuth install asks for', (file) => {
    expect(listUnder(linesOf(file), 'bot').sort()).toEqual([...botScopes].sort());
  });

  it.each(manifests)('%s declares /quorum and the events Quorum handles, uninstall and revocation included', (file) => {
    const lines = linesOf(file);
    expect(valueOf(lines, '- command')).toBe('/quorum');
    expect(listUnder(lines, 'bot_events').sort()).toEqual(
      ['app_home_opened', 'app_mention', 'app_uninstalled', 'message.channels', 'message.groups', 'message.im', 'message.mpim', 'tokens_revoked'].sort(),
    );
  });

  it('uses Socket Mode in the default manifest and HTTP request URLs at /slack/events in the others', () => {
    expect(valueOf(linesOf('manifest.yml'), 'socket_mode_enabled')).toBe('true');
    for (const file of ['manifest-http.yml', 'manifest-oauth.yml']) {
      const lines = linesOf(file);
      expect(valueOf(lines, 'socket_mode_enabled')).toBe('false');
      const urls = lines.flatMap((line) => /^\s*(?:url|request_url):\s*(\S+)$/.exec(line)?.[1] ?? []);
      expect(urls).toHaveLength(3); // the slash command, events and interactivity
      for (const url of urls) expect(url).toBe('https://quorum.example.com/slack/events');
    }
  });

  it('turns token rotation on only for OAuth installs, which keep a refresh token and have the redirect URL', () => {
    expect(valueOf(linesOf('manifest.yml'), 'token_rotation_enabled')).toBe('false');
    expect(valueOf(linesOf('manifest-http.yml'), 'token_rotation_enabled')).toBe('false');
    expect(listUnder(linesOf('manifest-http.yml'), 'redirect_urls')).toEqual([]);
    expect(valueOf(linesOf('manifest-oauth.yml'), 'token_rotation_enabled')).toBe('true');
    expect(listUnder(linesOf('manifest-oauth.yml'), 'redirect_urls')).toEqual(['https://quorum.example.com/slack/oauth_redirect']);
  });
});
