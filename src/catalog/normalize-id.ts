/** Ids compare case-insensitively with non-alphanumerics ignored: `Out-box` is `outbox`. */
export function normalizeId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]/g, '');
}
