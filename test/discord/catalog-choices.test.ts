import { describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../../src/adapters/discord/catalog-choices.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { said } from '../helpers/turns.ts';

describe('the catalog behind /law, /pattern, /primitive and /capability, asked of the core', () => {
  it('shows the entry when the name is an id of that kind (the chat command `law <name>`)', async () => {
    const { core } = await makeCore();
    expect((await core.handle(said('law cap-theorem'))).replies[0]?.title).toContain('CAP Theorem');
    expect((await core.handle(said('pattern Outbox'))).replies[0]?.title).toContain('Outbox');
  });

  it('falls back to the search of that kind, not an unfiltered lookup, when nothing of the kind matches well', async () => {
    const { core } = await makeCore();
    const reply = (await core.handle(said('law outbox'))).replies[0];
    expect(reply?.title).toBe('No law matches "outbox"');
    expect(reply?.choices?.map((c) => c.value)).toContain('show outbox');
  });

  it('completes names of one kind within Discord’s caps, from the core', async () => {
    const { core } = await makeCore();
    const choices = autocompleteChoices(core, 'outbox', 'pattern');
    expect(choices[0]).toEqual({ name: 'Outbox', value: 'outbox' });
    expect(autocompleteChoices(core, '', 'law')).toHaveLength(15);
    expect(autocompleteChoices(core, '', undefined).length).toBeLessThanOrEqual(25);
  });
});
