// The cloud's side of the audit chain: the rule (which events, the entry text) is shared with the hub in
// protocol/audit-entry.ts; the hash is computed here, the same way hub/store/audit-log.ts does.
// A golden vector in audit-chain.test.ts fails if the two hashes ever drift apart.
import { createHash } from 'node:crypto';

export function hashEntry(prevHash: string, entry: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(entry).digest('hex');
}
