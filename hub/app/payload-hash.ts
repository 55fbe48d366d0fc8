// The command log's fingerprint of a command's intent. Recorded hashes must keep matching resends across
// hub versions, so the bytes hashed never change: sha256 over `type + '\n' + canonicalJson(payload)`.
// What changed is only how fast they are made (the canonical text was ~40 % of the hash's cost).
import { hash } from 'node:crypto';
import type { Command } from '../../protocol/commands/command.js';

/**
 * The same text as `canonicalJson` (protocol/canonical-json.ts: JSON.stringify of the value with every
 * object's keys sorted and undefined members dropped), written straight to a string instead of through a
 * sorted copy of the value. `canonical-text.test.ts` holds the two equal on arbitrary values.
 */
export function canonicalText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
      // JSON.stringify's own rules: escapes, NaN and Infinity as null, a TypeError for bigint.
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += canonicalText(value[i]) ?? 'null';
        }
        return out + ']';
      }
      const keys = canonicalKeyOrder(Object.keys(value));
      let out = '{';
      let first = true;
      for (const key of keys) {
        // The sorted copy assigns `__proto__` as a prototype, not as a member, so it never shows.
        if (key === '__proto__') continue;
        const text = canonicalText((value as Record<string, unknown>)[key]);
        if (text === undefined) continue;
        out += first ? '' : ',';
        out += JSON.stringify(key) + ':' + text;
        first = false;
      }
      return out + '}';
    }
    default:
      // undefined, functions and symbols: left out of objects, null in arrays, as JSON.stringify does.
      return undefined;
  }
}

const MAX_INDEX = 2 ** 32 - 2;
const isArrayIndex = (key: string): boolean => {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return false;
  return (key === '0' || (c !== 48 && /^\d+$/.test(key))) && Number(key) <= MAX_INDEX;
};

/**
 * The order in which canonicalJson's sorted copy lists its keys: the copy is a fresh object, and objects
 * list integer-like keys first in numeric order whatever the insertion order, then the others as
 * inserted (sorted). Object.keys of the input already lists its integer-like keys first, ascending.
 */
function canonicalKeyOrder(keys: string[]): string[] {
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices]!)) indices++;
  if (indices === 0) return keys.sort();
  return keys.slice(0, indices).concat(keys.slice(indices).sort());
}

/** What identifies a command's intent: the same id with another payload is refused, not replayed. */
export function payloadHash(command: Command): string {
  // A PIN must not be recoverable from its hash (4 digits are easy to brute-force), so it is left out.
  const payload = 'pin' in command.payload ? { ...command.payload, pin: '<secret>' } : command.payload;
  return hash('sha256', `${command.type}\n${canonicalText(payload) ?? ''}`, 'hex');
}
