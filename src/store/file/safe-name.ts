import { createHash } from 'node:crypto';

/** A short hex digest of `raw`, used to keep file names unique and free of user-chosen text. */
export function shortHash(raw: string, length = 12): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex').slice(0, length);
}

/**
 * A file-name-safe form of a platform, workspace or channel id: a readable lower-case
 * prefix (letters, digits, dashes, at most 32) plus a hash of the exact id, so ids that
 * differ only in case or punctuation never share a file and no id can climb out of the store.
 */
export function safeName(raw: string): string {
  const readable = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '')
    .slice(0, 32)
    .replace(/(?<!-)-+$/, '');
  return `${readable || 'x'}-${shortHash(raw)}`;
}
