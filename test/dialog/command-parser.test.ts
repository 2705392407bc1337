import { describe, expect, it } from 'vitest';
import { isNo, isYes, parseCommand, type Command } from '../../src/dialog/command-parser.ts';
import { UserError } from '../../src/errors.ts';

const table: Array<[string, Command]> = [
  ['help', { type: 'help' }],
  ['HELP', { type: 'help' }],
  ['lookup raft', { type: 'lookup', query: 'raft' }],
  ['law cap', { type: 'lookup', query: 'cap', kind: 'law' }],
  ['Pattern Outbox?', { type: 'lookup', query: 'Outbox', kind: 'pattern' }],
  ['primitives 5', { type: 'lookup', query: '5', kind: 'primitive' }],
  ['capability total order', { type: 'lookup', query: 'total order', kind: 'capability' }],
  ['patterns', { type: 'list', kind: 'pattern' }],
  ['Laws.', { type: 'list', kind: 'law' }],
  ['primitive', { type: 'list', kind: 'primitive' }],
  ['capabilities?', { type: 'list', kind: 'capability' }],
  ['list capabilities', { type: 'list', kind: 'capability' }],
  ['what is CAP?', { type: 'question', query: 'CAP', text: 'what is CAP?' }],
  ["what's the outbox pattern?", { type: 'question', query: 'outbox pattern', text: "what's the outbox pattern?" }],
  ['tell me about sagas', { type: 'question', query: 'sagas', text: 'tell me about sagas' }],
  ['explain hedged requests', { type: 'explain', query: 'hedged requests' }],
  ['explain availability?', { type: 'explain', query: 'availability' }],
  ['describe hedged requests', { type: 'question', query: 'hedged requests', text: 'describe hedged requests' }],
  ['formulas', { type: 'formulas' }],
  ['Figures', { type: 'formulas' }],
  ['math', { type: 'formulas' }],
  ['how does consensus work?', { type: 'question', query: 'consensus', text: 'how does consensus work?' }],
  ['is P5 slow?', { type: 'question', query: 'is P5 slow', text: 'is P5 slow?' }],
  ['show P5', { type: 'showEntry', id: 'P5' }],
  ['show', { type: 'showDesign' }],
  ['show design', { type: 'showDesign' }],
  ['design', { type: 'design' }],
  ['set writesPerSec 20k', { type: 'set', field: 'writesPerSec', value: '20k' }],
  ['set availability 99.99%', { type: 'set', field: 'availability', value: '99.99%' }],
  ['set readlatencyms=200ms', { type: 'set', field: 'readLatencyMs', value: '200ms' }],
  ['back', { type: 'back' }],
  ['skip', { type: 'skip' }],
  ['restart', { type: 'restart' }],
  ['cancel', { type: 'cancel' }],
  ['assess', { type: 'assess' }],
  ['history', { type: 'history' }],
  ['diff 1 2', { type: 'diff', v1: 1, v2: 2 }],
  ['diff v1 v2', { type: 'diff', v1: 1, v2: 2 }],
  ['diff v2..v5', { type: 'diff', v1: 2, v2: 5 }],
  ['diff', { type: 'diff' }],
  ['designs', { type: 'designs' }],
  ['export', { type: 'export' }],
  ['why P5', { type: 'why', id: 'P5' }],
  ['why not outbox', { type: 'whyNot', id: 'outbox' }],
  ['why not outbox?', { type: 'whyNot', id: 'outbox' }],
  ['name Checkout v2', { type: 'name', title: 'Checkout v2' }],
  ['delete', { type: 'delete' }],
  ['20k', { type: 'text', text: '20k' }],
  ['exactly once, publishes events', { type: 'text', text: 'exactly once, publishes events' }],
];

describe('the chat command parser', () => {
  it.each(table)('reads %j as the right command', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it.each([
    ['set writesPerSecond 20k', 'unknown_field', 'writesPerSec'],
    ['set writesPerSec', 'bad_command', 'value'],
    ['diff one two', 'bad_command', 'diff 1 2'],
    ['why', 'bad_command', 'why <id>'],
    ['why not', 'bad_command', 'why not <id>'],
    ['lookup', 'bad_command', 'lookup'],
    ['list widgets', 'bad_command', 'patterns'],
  ])('refuses %j with code %s and a message that helps', (input, code, words) => {
    try {
      parseCommand(input);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).code).toBe(code);
      expect(`${(err as UserError).message} ${(err as UserError).hint ?? ''}`).toContain(words);
    }
  });

  it('tells confirmations from refusals', () => {
    expect(['yes', 'Y', 'sure', 'yes, delete'].map(isYes)).toEqual([true, true, true, true]);
    expect(['no', 'keep it', 'Nope'].map(isNo)).toEqual([true, true, true]);
    expect(isYes('maybe')).toBe(false);
  });
});
