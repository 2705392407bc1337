import { describe, expect, it } from 'vitest';
import { entryCommandText } from '../../src/adapters/discord/catalog-choices.ts';
import { realFramework } from '../helpers/dialog-harness.ts';

describe('the chat command behind /law, /pattern, /primitive and /capability', () => {
  it('shows the entry when the name is an id of that kind', async () => {
    const { catalog, search } = await realFramework();
    expect(entryCommandText(catalog, search, 'cap-theorem', 'law')).toBe('show cap-theorem');
    expect(entryCommandText(catalog, search, 'Outbox', 'pattern')).toBe('show outbox');
  });

  it('falls back to the search of that kind, not an unfiltered lookup, when nothing of the kind matches well', async () => {
    const { catalog, search } = await realFramework();
    // `outbox` is a pattern, so as a law it matches nothing well: the law search suggests close laws instead.
    expect(entryCommandText(catalog, search, 'outbox', 'law')).toBe('law outbox');
    expect(entryCommandText(catalog, search, 'zzqx', 'capability')).toBe('capability zzqx');
  });
});
