import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../protocol/canonical-json.js';
import { commandSchema, type Command } from '../../protocol/commands/command.js';
import { canonicalText, payloadHash } from './payload-hash.js';

describe('payload hash', () => {
  it('writes the same text as canonicalJson for any JSON-like value', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.constant(Number.NaN),
      ),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node')),
        fc.dictionary(fc.string(), tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), (v) => {
        expect(canonicalText(v)).toBe(canonicalJson(v));
      }),
      { numRuns: 500 },
    );
  });

  it('matches hashes recorded before it (sha256 of type, newline, canonical payload)', () => {
    const command = commandSchema.parse({
      commandId: 'c-1',
      type: 'PlaceRound',
      payload: {
        sessionId: 's-1',
        items: [
          { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'medium' }] },
        ],
      },
    }) as Command;
    const before = createHash('sha256')
      .update(command.type)
      .update('\n')
      .update(canonicalJson(command.payload))
      .digest('hex');
    expect(payloadHash(command)).toBe(before);
  });

  it('keeps a PIN out of the hash', () => {
    const withPin = (pin: string) =>
      commandSchema.parse({
        commandId: 'c-2',
        type: 'ResetStaffPin',
        payload: { staffId: 'staff-luis', pin },
      });
    expect(payloadHash(withPin('1234'))).toBe(payloadHash(withPin('9876')));
  });
});
