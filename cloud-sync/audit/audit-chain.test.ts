// Golden vector: the cloud's copy of the audit rule must hash exactly like hub/store/audit-log.ts.
import { describe, expect, it } from 'vitest';
import { auditEntryOf, GENESIS_HASH } from '../../protocol/audit-entry.js';
import { hashEntry } from './audit-chain.js';

// Computed with hub/store/audit-log.ts (auditEntryOf + hashEntry) on 2026-11-27. If the hub's rule
// changes on purpose, recompute these there and update the copy in audit-chain.ts with it.
const EVENT = {
  seq: 7,
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  type: 'PaymentRecorded',
  aggregateId: 's-1',
  data: {
    sessionId: 's-1',
    paymentId: 'p-1',
    shareKey: null,
    method: 'CARD',
    amountCents: 4250,
    tipCents: 300,
    tenderedCents: null,
    changeCents: 0,
    approvalCode: 'A1',
    last4: '4242',
  },
  actor: { kind: 'staff', staffId: 'st-1', role: 'WAITER' },
  occurredAt: '2026-11-27T21:00:00.000Z',
};
const HUB_FIRST_HASH = 'bb0e1cffa639630101723a3435d287eba0d37466a0c716475daa1a7a886bbb46';
const HUB_SECOND_HASH = '3cfdd5e50b342d942ab8f125c4f0140006b97ed0ed0fee5e2f04ef0879695560';

describe('audit chain rule copied from the hub', () => {
  it('hashes a money event exactly as the hub does', () => {
    const entry = auditEntryOf(EVENT);
    const first = hashEntry(GENESIS_HASH, entry);
    expect(first).toBe(HUB_FIRST_HASH);
    expect(hashEntry(first, entry)).toBe(HUB_SECOND_HASH);
  });

  it('does not depend on key order in the data', () => {
    const reordered = { ...EVENT, data: Object.fromEntries(Object.entries(EVENT.data).reverse()) };
    expect(auditEntryOf(reordered)).toBe(auditEntryOf(EVENT));
  });
});
