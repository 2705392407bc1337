import { describe, expect, it } from 'vitest';
import { step, type EngineContext } from '../../src/dialog/dialog-engine.ts';
import { setField, startInterview } from '../../src/dialog/interview-steps.ts';
import { loadInterview } from '../../src/dialog/interview-schema.ts';
import { initialState, readSessionState } from '../../src/dialog/session-state.ts';
import { clicked, said } from '../helpers/turns.ts';

const now = '2025-01-06T09:00:00.000Z';
const ctx: EngineContext = { now, interview: loadInterview(), sessionTtlMs: 1000 };
const design = { id: 'd-1', title: 'ledger', latestVersion: 3, requirements: { domain: 'financial' as const }, answeredBy: { domain: 'bob' } };

describe('the pure dialog engine', () => {
  it('gives the same output for the same input and leaves the input state untouched', () => {
    const state = initialState(now);
    const frozen = JSON.stringify(state);
    const a = step(state, said('design'), ctx);
    const b = step(state, said('design'), ctx);
    expect(a).toEqual(b);
    expect(JSON.stringify(state)).toBe(frozen);
    expect(a.result).toMatchObject({ tag: 'command', spec: { name: 'design' } });
    const started = startInterview(state, ctx, 'design');
    expect(started.state.mode).toBe('interviewing');
    expect(started.result).toMatchObject({ tag: 'ask', stepId: 'name' });
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it('asks the core to assess and save when a what-if changes a saved design', () => {
    const out = setField(initialState(now), { ...ctx, design }, said('set writesPerSec 20k', 'carol'), 'writesPerSec', '20k');
    expect(out.result).toEqual({
      tag: 'assess',
      requirements: { domain: 'financial', writesPerSec: 20000 },
      answeredBy: { domain: 'bob', writesPerSec: 'carol' },
      cause: 'set writesPerSec 20,000/s',
      whatIf: true,
    });
  });

  it('marks a what-if button from an older version as stale', () => {
    const out = step(initialState(now), clicked('set writesPerSec 20k', 2), { ...ctx, design });
    expect(out.result).toEqual({ tag: 'stale', clicked: 2, latest: 3 });
  });

  it('closes an interview idle longer than the session lifetime', () => {
    const old = { ...initialState('2025-01-06T08:00:00.000Z'), mode: 'interviewing' as const, stepId: 'domain' };
    const out = step(old, said('financial'), ctx);
    expect(out.state.mode).toBe('idle');
    expect(out.notices[0]?.text).toContain('idle for too long');
  });

  it('drops stored state it cannot read instead of throwing', () => {
    expect(readSessionState({ schemaVersion: 2 }, now)).toMatchObject({ dropped: true });
    expect(readSessionState('garbage', now)).toMatchObject({ dropped: true });
    expect(readSessionState(undefined, now)).toMatchObject({ dropped: false });
  });
});
