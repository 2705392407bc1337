import path from 'node:path';
import type { ChannelKey, ThreadKey } from '../../dialog/ports/design-store.ts';
import { safeName, shortHash } from './safe-name.ts';

// Layout of a lowdb store directory (no raw id ever reaches a path):
//   <root>/_system/<name>.json                                   installations (and the old event dedup file)
//   <root>/_system/<name>.jsonl                                  event dedup claims, appended
//   <root>/<platform>/<workspace>/c-<channel>/t-<thread>.json    one thread's design (without versions) and session (lowdb)
//   <root>/<platform>/<workspace>/c-<channel>/t-<thread>.<hash of design id>.jsonl   that design's versions, appended
//   <root>/<platform>/<workspace>/_users/u-<hash of user>.jsonl  designs each user saved a version of
//   <root>/<platform>/<workspace>/c-<channel>.json               the older layout: a whole channel in one file (migrated on open)

/** The folder of one workspace: everything Quorum keeps about it, apart from its installation. */
export function workspaceDir(root: string, platform: string, workspace: string): string {
  return path.join(root, safeName(platform), safeName(workspace));
}

/** The folder of one channel's thread files. */
export function channelDirPath(root: string, key: ChannelKey): string {
  return path.join(workspaceDir(root, key.platform, key.workspace), `c-${safeName(key.channel)}`);
}

/** The lowdb document of one thread: its design's title, plan and dates, and its session. */
export function threadFilePath(root: string, key: ThreadKey): string {
  return path.join(channelDirPath(root, key), `t-${safeName(key.thread)}.json`);
}

/** Whether a file name in a channel folder is a thread document (not a version log or a temp file). */
export function isThreadFileName(name: string): boolean {
  return /^t-[a-z0-9-]+\.json$/.test(name);
}

/** The append-only log of the versions of design `designId`, beside its thread document. */
export function versionsFilePath(threadFile: string, designId: string): string {
  return threadFile.replace(/\.json$/, `.${shortHash(designId)}.jsonl`);
}

/** The older layout's file holding a whole channel's designs and sessions. */
export function legacyChannelFilePath(root: string, key: ChannelKey): string {
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
