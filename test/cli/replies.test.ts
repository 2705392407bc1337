import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/terminal/render-text.ts';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createSearch } from '../../src/catalog/search.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import { entryReply, maxFieldLength } from '../../src/dialog/replies/entry-reply.ts';
import { listReply } from '../../src/dialog/replies/list-reply.ts';
import { pathReply } from '../../src/dialog/replies/path-reply.ts';
import { searchReply } from '../../src/dialog/replies/search-reply.ts';

const catalog = loadCatalog();
const search = createSearch(catalog);
const fieldValue = (reply: Reply, label: string): string | undefined => reply.fields?.find((f) => f.label === label)?.value;

describe('entry replies', () => {
  it('show a pattern with the names of its primitives and follow-up choices', () => {
    const reply = entryReply(catalog.require('outbox'), catalog);
    expect(reply.kind).toBe('entry');
    expect(reply.title).toBe('Outbox (M1, outbox)');
    expect(fieldValue(reply, 'Primitives')).toBe('Durable Log (P3) + Idempotency (P7) + Change Data Capture (P19)');
    expect(reply.choices?.[0]).toEqual({ label: 'Show P3', value: 'show P3' });
    expect(reply.related?.map((r) => r.id)).toContain('P19');
  });

  it('show a primitive with what it requires, conflicts with and which patterns use it', () => {
    const reply = entryReply(catalog.require('P7'), catalog);
    expect(fieldValue(reply, 'Requires')).toBe('Retry Logic (P8)');
    expect(fieldValue(reply, 'Conflicts with')).toMatch(/^Caching \(P11\): /);
    expect(fieldValue(reply, 'Used by patterns')).toContain('Outbox (outbox)');
  });

  it('list the pitfalls and obligations that point at an entry among its related entries', () => {
    const reply = entryReply(catalog.require('P7'), catalog);
    const referencing = catalog.referencing('P7').map((e) => e.id);
    expect(referencing.length).toBeGreaterThan(0);
    for (const id of referencing) expect(reply.related?.map((r) => r.id)).toContain(id);
  });

  it('keep every field under the length limit and the text free of markup', () => {
    for (const entry of catalog.entries) {
      const reply = entryReply(entry, catalog);
      for (const f of reply.fields ?? []) expect(f.value.length, `${entry.id} ${f.label}`).toBeLessThanOrEqual(maxFieldLength);
      expect(reply.text).toContain(entry.summary);
      expect(reply.text).not.toMatch(/[*_`]{2}|<\/?[a-z]+>/);
    }
  });
});

describe('search, list and path replies', () => {
  it('answer a clear hit with the entry itself', () => {
    const reply = searchReply('what is the outbox pattern?', search.lookup('what is the outbox pattern?'), catalog);
    expect(reply.kind).toBe('entry');
    expect(reply.title).toContain('Outbox');
  });

  it('list close hits with show choices when none clearly wins', () => {
    const reply = searchReply('availability', search.lookup('availability'), catalog);
    expect(reply.kind).toBe('search');
    expect(reply.choices?.[0]?.value).toMatch(/^show /);
  });

  it('answer an unknown query with did-you-mean choices', () => {
    const reply = searchReply('xyzzy', search.lookup('xyzzy'), catalog);
    expect(reply.kind).toBe('search');
    expect(reply.text).toContain(`I don't know "xyzzy"`);
    expect(reply.text).toContain('Did you mean');
    expect(reply.choices?.length).toBeGreaterThan(0);
  });

  it('list every pattern in catalog order', () => {
    const reply = listReply('pattern', catalog.list('pattern'));
    expect(reply.title).toBe('Patterns (15)');
    expect(reply.text.indexOf('Outbox (outbox)')).toBeLessThan(reply.text.indexOf('Shadow (shadow)'));
  });

  it('split long lists over several fields under the length limit', () => {
    const reply = listReply('pitfall', catalog.list('pitfall'));
    for (const f of reply.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(maxFieldLength);
    for (const p of catalog.list('pitfall')) expect(reply.text).toContain(`(${p.id})`);
  });

  it('show a learning path step by step', () => {
    const reply = pathReply(catalog.list('path')[0]!, catalog);
    expect(reply.fields?.some((f) => f.label.startsWith('Step 1: '))).toBe(true);
    expect(reply.choices?.[0]?.value).toMatch(/^show /);
  });
});

describe('terminal rendering', () => {
  it('prints title, fields as label and value, related entries and numbered choices', () => {
    const text = renderText(entryReply(catalog.require('outbox'), catalog));
    expect(text.split('\n')[0]).toBe('Outbox (M1, outbox)');
    expect(text).toMatch(/^Primitives: Durable Log \(P3\)/m);
    expect(text).toMatch(/^Related: /m);
    expect(text).toContain('#1 Show P3');
  });

  it('prints the reply text as it is when an assessment is attached', () => {
    const reply = { kind: 'assessment', text: 'the card', title: 'ignored', assessment: {} } as unknown as Reply;
    expect(renderText(reply)).toBe('the card');
  });
});
