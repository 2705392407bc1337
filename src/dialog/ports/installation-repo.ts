/**
 * A platform-only port: where Slack OAuth installations are kept, by a key the Slack adapter
 * chooses (for example enterprise + team + user). Values are opaque JSON.
 */
export interface InstallationRepo {
  save(key: string, installation: unknown): Promise<void>;
  fetch(key: string): Promise<unknown | undefined>;
  delete(key: string): Promise<void>;
  /** Deletes every installation whose key starts with `prefix`; returns how many. */
  deleteWhere(prefix: string): Promise<number>;
}
