import path from 'node:path';
import type { ChannelKey } from '../../dialog/ports/design-store.ts';
import { safeName, shortHash } from './safe-name.ts';

// Layout of a lowdb store directory (no raw id ever reaches a path):
//   <root>/_system/<name>.json                                   installations (and the old event dedup file)
//   <root>/_system/<name>.jsonl                                  event dedup claims, appended
//   <root>/<platform>/<workspace>/c-<channel>.json               one channel's designs and sessions
//   <root>/<platform>/<workspace>/_users/u-<hash of user>.jsonl  designs each user saved a version of

/** The file that holds one channel's designs and sessions. */
export function channelFilePath(root: string, key: ChannelKey): string {
  return path.join(workspaceDir(root, key.platform, key.workspace), `c-${safeName(key.channel)}.json`);
}

/** The append-only log of the designs a user saved a version of, in one workspace. */
export function userIndexPath(root: string, platform: string, workspace: string, user: string): string {
  return path.join(workspaceDir(root, platform, workspace), '_users', `u-${shortHash(user, 20)}.jsonl`);
}

/** A store-wide file such as the event dedup list. */
export function systemFilePath(root: string, name: string): string {
  return path.join(root, '_system', `${name}.json`);
}

/** A store-wide append-only log such as the event dedup claims. */
export function systemLogPath(root: string, name: string): string {
  return path.join(root, '_system', `${name}.jsonl`);
}

function workspaceDir(root: string, platform: string, workspace: string): string {
  return path.join(root, safeName(platform), safeName(workspace));
}
