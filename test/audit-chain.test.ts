// The hash-chained audit log of money events: it verifies after a dinner's worth of money moving, and
// any edit, removal or reordering of its records is caught, naming the first position that does not fit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../protocol/events/event.js';
import { MONEY_EVENTS } from '../protocol/audit-entry.js';
import { hashEntry, verifyAuditChain } from '../hub/store/audit-log.js';
import { rebuildReadModels } from '../hub/store/rebuild.js';
import { disposeDemoTemplate, openDemoHubCopy, type DemoHubCopy } from './support/demo-hub-copy.js';
import { MANAGER, WAITER_SALON } from './support/hub-fixture.js';

let hub: DemoHubCopy;
let n = 0;
async function ok(actor: Actor, type: string, payload: Record<string, unknown>) {
  const r = await hub.execute(actor, { commandId: `audit-${++n}`, type, payload });
  if (!r.ok) throw new Error(`${type}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** A dinner where every kind of money event happens: void, discount, split, payments, refund, close, void session. */
beforeAll(async () => {
  hub = await openDemoHubCopy();
  const { sessionId } = await ok(WAITER_SALON, 'OpenSession', { tableId: 'table-5', guests: 2 });
  const placed = await ok(WAITER_SALON, 'PlaceRound', {
    sessionId,
    items: [
      { productId: 'prod-cana', qty: 2 },
      { productId: 'prod-bravas', qty: 1 },
      { productId: 'prod-flan', qty: 2 },
    ],
  });
  await ok(MANAGER, 'VoidItem', { itemId: (placed.itemIds as string[])[1], reason: 'burnt' });
  await ok(MANAGER, 'ApplyDiscount', { sessionId, kind: 'AMOUNT', value: 100, reason: 'waited too long' });
  const split = await ok(WAITER_SALON, 'SplitCheck', { sessionId, split: { mode: 'EQUAL', parts: 2 } });
  const shares = split.shares as Array<{ key: string; amountCents: number }>;
  let paymentId = '';
  for (const share of shares) {
    const paid = await ok(WAITER_SALON, 'RecordPayment', {
      sessionId,
      shareKey: share.key,
      method: 'CASH',
      amountCents: share.amountCents,
      tipCents: 50,
      tenderedCents: 2000,
    });
    paymentId = paid.paymentId as string;
  }
  await ok(MANAGER, 'RefundPayment', { paymentId, amountCents: 70, reason: 'charged twice for a beer' });
  await ok(WAITER_SALON, 'RecordPayment', { sessionId, method: 'CARD', amountCents: 70 });
  await ok(WAITER_SALON, 'CloseSession', { sessionId });
  const other = await ok(WAITER_SALON, 'OpenSession', { tableId: 'table-6', guests: 4 });
  await ok(MANAGER, 'VoidSession', { sessionId: other.sessionId, reason: 'opened the wrong table' });
});
afterAll(() => {
  hub.close();
  disposeDemoTemplate();
});

interface Entry {
  position: number;
  event_seq: number;
  entry: string;
  prev_hash: string;
  hash: string;
}
const entries = () => hub.db.write.prepare('SELECT * FROM audit_log ORDER BY position').all() as Entry[];
const entryAt = (position: number) => entries().find((e) => e.position === position)!;

/** Tampers inside a savepoint, verifies, and rolls the tampering back so each case starts from the same chain. */
function verdictAfter(tamper: (db: DemoHubCopy['db']['write']) => void) {
  const db = hub.db.write;
  db.exec('SAVEPOINT tamper');
  try {
    tamper(db);
    return verifyAuditChain(db);
  } finally {
    db.exec('ROLLBACK TO tamper');
    db.exec('RELEASE tamper');
  }
}

const update = (db: DemoHubCopy['db']['write'], position: number, set: Partial<Entry>) => {
  const [column, value] = Object.entries(set)[0]!;
  db.prepare(`UPDATE audit_log SET ${column} = ? WHERE position = ?`).run(value, position);
};

describe('the audit chain', () => {
  it('holds one entry per money event, in log order, and verifies', () => {
    const money = (
      hub.db.write.prepare('SELECT seq, type FROM event ORDER BY seq').all() as Array<{
        seq: number;
        type: string;
      }>
    ).filter((e) => MONEY_EVENTS.has(e.type as never));
    expect(money.map((e) => e.type)).toEqual([
      'ItemVoided',
      'DiscountApplied',
      'CheckSplit',
      'PaymentRecorded',
      'PaymentRecorded',
      'PaymentRefunded',
      'PaymentRecorded',
      'SessionClosed',
      'SessionVoided',
    ]);
    expect(entries().map((e) => e.event_seq)).toEqual(money.map((e) => e.seq));
    expect(verifyAuditChain(hub.db.write)).toEqual({ ok: true, entries: 9, headHash: entryAt(9).hash });
  });

  it('still verifies after the read tables are rebuilt from the event log', () => {
    rebuildReadModels(hub.db.write);
    expect(verifyAuditChain(hub.db.write)).toMatchObject({ ok: true, entries: 9 });
  });

  it('catches an edited amount at the edited entry', () => {
    const verdict = verdictAfter((db) => {
      const { entry } = entryAt(4);
      expect(entry).toMatch(/"amountCents":\d+/);
      update(db, 4, { entry: entry.replace(/"amountCents":(\d+)/, '"amountCents":1') });
    });
    expect(verdict).toMatchObject({
      ok: false,
      firstBad: { position: 4, reason: expect.stringMatching(/edited/) },
    });
  });

  it('catches an edited entry even when its hash was recomputed to match', () => {
    const verdict = verdictAfter((db) => {
      const { entry, prev_hash } = entryAt(6);
      const forged = entry.replace(/"amountCents":(\d+)/, '"amountCents":7000');
      update(db, 6, { entry: forged });
      update(db, 6, { hash: hashEntry(prev_hash, forged) });
    });
    expect(verdict).toMatchObject({ ok: false, firstBad: { position: 6 } });
  });

  it('catches an edited last entry whose hash was recomputed to match', () => {
    const verdict = verdictAfter((db) => {
      const { entry, prev_hash } = entryAt(9);
      const forged = entry.replace(/"reason":"[^"]*"/, '"reason":"nothing to see"');
      update(db, 9, { entry: forged });
      update(db, 9, { hash: hashEntry(prev_hash, forged) });
    });
    expect(verdict).toMatchObject({ ok: false, firstBad: { position: 9 } });
  });

  it('catches a deleted entry at the position where it is missing', () => {
    const verdict = verdictAfter((db) => db.prepare('DELETE FROM audit_log WHERE position = 3').run());
    expect(verdict).toMatchObject({
      ok: false,
      firstBad: { position: 3, reason: expect.stringMatching(/missing/) },
    });
  });

  it('catches the last entry deleted, which the chain alone cannot see', () => {
    const verdict = verdictAfter((db) => db.prepare('DELETE FROM audit_log WHERE position = 9').run());
    expect(verdict).toMatchObject({ ok: false, firstBad: { position: 9 } });
  });

  it('catches two entries swapped at the first of them', () => {
    const verdict = verdictAfter((db) => {
      const a = entryAt(2);
      const b = entryAt(5);
      const set = db.prepare(
        'UPDATE audit_log SET event_seq = ?, entry = ?, prev_hash = ?, hash = ? WHERE position = ?',
      );
      set.run(b.event_seq, b.entry, b.prev_hash, b.hash, 2);
      set.run(a.event_seq, a.entry, a.prev_hash, a.hash, 5);
    });
    expect(verdict).toMatchObject({ ok: false, firstBad: { position: 2 } });
  });

  it('catches a changed prev_hash at that entry', () => {
    const verdict = verdictAfter((db) => update(db, 7, { prev_hash: 'f'.repeat(64) }));
    expect(verdict).toMatchObject({
      ok: false,
      firstBad: { position: 7, reason: expect.stringMatching(/prev_hash/) },
    });
  });

  it('catches a money event edited in the event log behind the chain', () => {
    const verdict = verdictAfter((db) => {
      const seq = entryAt(5).event_seq;
      const { data } = db.prepare('SELECT data FROM event WHERE seq = ?').get(seq) as { data: string };
      db.prepare('UPDATE event SET data = ? WHERE seq = ?').run(
        data.replace(/"amountCents":(\d+)/, '"amountCents":1'),
        seq,
      );
    });
    expect(verdict).toMatchObject({ ok: false, firstBad: { position: 5 } });
  });

  it('verifies again once every tampering was rolled back', () => {
    expect(verifyAuditChain(hub.db.write)).toMatchObject({ ok: true, entries: 9 });
  });
});
