// The card payment saga through the real hub over HTTP, with the virtual card terminal as the only fake
// (a true edge): charge → record, decline, a resend after a lost answer, a refusal after the charge
// (reversed on the terminal), and a hub killed between the terminal's approval and the record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualCardTerminal } from '../hub/payments/virtual-card-terminal.js';
import { startCardCharge, findCardCharge } from '../hub/store/card-charge-store.js';
import { startTestHub, type HubUnderTest } from './support/running-hub.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hubWith(terminal: VirtualCardTerminal, dir?: string): Promise<HubUnderTest> {
  const t = await startTestHub({ cardTerminal: terminal, dir });
  cleanups.push(() => t.stop());
  return t;
}

/** A Salón table with a served round: 2 cañas and croquetas. Returns the session and what is due. */
async function tableToPay(t: HubUnderTest, tableId = 'table-1') {
  const { sessionId } = (await t.command('OpenSession', { tableId, guests: 2 })) as { sessionId: string };
  await t.command('PlaceRound', {
    sessionId,
    items: [
      { productId: 'prod-cana', qty: 2 },
      { productId: 'prod-croquetas', qty: 1 },
    ],
  });
  return { sessionId, due: await due(t, sessionId) };
}

async function due(t: HubUnderTest, sessionId: string): Promise<number> {
  const r = await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.WAITER });
  return (r.body as { dueCents: number }).dueCents;
}
async function payments(t: HubUnderTest, sessionId: string) {
  const r = await t.fetchJson(`/api/sessions/${sessionId}`, { token: t.tokens.WAITER });
  return (r.body as { payments: Array<{ method: string; amountCents: number; tipCents: number }> }).payments;
}

const payByCard = (t: HubUnderTest, commandId: string, payload: Record<string, unknown>) =>
  t.fetchJson('/api/payments/card', { token: t.tokens.WAITER, body: { commandId, payload } });

describe('card payments through the terminal', () => {
  it('charges the card, records the payment with the slip, and a resend neither charges nor records twice', async () => {
    const terminal = new VirtualCardTerminal();
    const t = await hubWith(terminal);
    const { sessionId, due: owed } = await tableToPay(t);
    const first = await payByCard(t, 'card-pay-1', { sessionId, amountCents: owed, tipCents: 150 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      ok: true,
      data: { paymentId: expect.any(String), approvalCode: expect.any(String), last4: '4242' },
    });
    expect(await due(t, sessionId)).toBe(0);
    expect(terminal.heldCents()).toBe(owed + 150);

    const again = await payByCard(t, 'card-pay-1', { sessionId, amountCents: owed, tipCents: 150 });
    expect(again.body).toEqual(first.body);
    expect(terminal.charges.size).toBe(1);
    expect(await payments(t, sessionId)).toEqual([
      expect.objectContaining({ method: 'CARD', amountCents: owed, tipCents: 150 }),
    ]);
    // The same id for another amount is a client mix-up.
    expect((await payByCard(t, 'card-pay-1', { sessionId, amountCents: 1 })).status).toBe(409);
  });

  it('a declined card records nothing; an amount over what is due is refused before the card is touched', async () => {
    const terminal = new VirtualCardTerminal();
    terminal.queue({ decline: 'insufficient funds' });
    const t = await hubWith(terminal);
    const { sessionId, due: owed } = await tableToPay(t);
    const declined = await payByCard(t, 'card-pay-2', { sessionId, amountCents: owed });
    expect(declined.status).toBe(409);
    expect(declined.body).toMatchObject({ code: 'CONFLICT', details: { declined: true } });
    expect(await payments(t, sessionId)).toEqual([]);

    const over = await payByCard(t, 'card-pay-3', { sessionId, amountCents: owed + 1 });
    expect(over.status).toBe(409);
    expect(terminal.charges.size).toBe(1);
    expect(terminal.heldCents()).toBe(0);
  });

  it('gives the money back when the hub refuses the payment after the card was charged', async () => {
    const terminal = new VirtualCardTerminal();
    let letTheDinerFinish!: () => void;
    terminal.queue({ approveAfter: new Promise<void>((resolve) => (letTheDinerFinish = resolve)) });
    const t = await hubWith(terminal);
    const { sessionId, due: owed } = await tableToPay(t);
    // While the diner types the PIN, a colleague takes the whole bill in cash.
    const card = payByCard(t, 'card-pay-4', { sessionId, amountCents: owed });
    await t.command('RecordPayment', { sessionId, method: 'CASH', amountCents: owed, tenderedCents: owed });
    letTheDinerFinish();
    const answer = await card;
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ details: { reversed: true } });
    expect(terminal.heldCents()).toBe(0);
    expect((await payments(t, sessionId)).map((p) => p.method)).toEqual(['CASH']);
  });

  it('a terminal that did not answer and has no such charge gets the same payment again; it charges once', async () => {
    const terminal = new VirtualCardTerminal();
    terminal.queue('no-answer');
    const t = await hubWith(terminal);
    const { sessionId, due: owed } = await tableToPay(t);
    const first = await payByCard(t, 'card-pay-6', { sessionId, amountCents: owed });
    expect(first.status).toBe(503);
    expect(await payments(t, sessionId)).toEqual([]);
    const again = await payByCard(t, 'card-pay-6', { sessionId, amountCents: owed });
    expect(again.status).toBe(200);
    expect(terminal.charges.size).toBe(1);
    expect(await payments(t, sessionId)).toHaveLength(1);
  });

  it('a terminal that charged but did not answer is asked again: the payment is recorded once', async () => {
    const terminal = new VirtualCardTerminal();
    terminal.queue('charge-then-no-answer');
    const t = await hubWith(terminal);
    const { sessionId, due: owed } = await tableToPay(t);
    const answer = await payByCard(t, 'card-pay-5', { sessionId, amountCents: owed });
    expect(answer.status).toBe(200);
    expect(await payments(t, sessionId)).toHaveLength(1);
  });

  it('finishes on restart a payment the terminal approved before the hub was killed, and reverses one it must refuse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'comanda-card-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const terminal = new VirtualCardTerminal();
    const before = await startTestHub({ dir });
    const a = await tableToPay(before, 'table-1');
    const b = await tableToPay(before, 'table-2');
    // As if killed right after the terminal approved: the journal says STARTED, the terminal has the charge.
    const waiter = { kind: 'staff' as const, staffId: 'staff-luis', role: 'WAITER' as const };
    const now = new Date().toISOString();
    startCardCharge(
      before.hub.db.write,
      {
        reference: 'card-crash-a',
        sessionId: a.sessionId,
        shareKey: null,
        amountCents: a.due,
        tipCents: 0,
        actor: waiter,
        requestId: null,
      },
      now,
    );
    await terminal.charge({ reference: 'card-crash-a', amountCents: a.due, tipCents: 0 });
    // And one the hub can no longer take: more than table 2 owes.
    startCardCharge(
      before.hub.db.write,
      {
        reference: 'card-crash-b',
        sessionId: b.sessionId,
        shareKey: null,
        amountCents: b.due + 500,
        tipCents: 0,
        actor: waiter,
        requestId: null,
      },
      now,
    );
    await terminal.charge({ reference: 'card-crash-b', amountCents: b.due + 500, tipCents: 0 });
    await before.stop();

    const after = await hubWith(terminal, dir);
    expect(findCardCharge(after.hub.db.read, 'card-crash-a')?.status).toBe('RECORDED');
    expect(await payments(after, a.sessionId)).toEqual([
      expect.objectContaining({ method: 'CARD', amountCents: a.due }),
    ]);
    expect(findCardCharge(after.hub.db.read, 'card-crash-b')?.status).toBe('REVERSED');
    expect(await payments(after, b.sessionId)).toEqual([]);
    expect(terminal.heldCents()).toBe(a.due);
  });

  it('says whether there is a terminal, and answers 503 to a card payment without one', async () => {
    const t = await startTestHub();
    cleanups.push(() => t.stop());
    const status = await t.fetchJson('/api/payments/card', { token: t.tokens.WAITER });
    expect(status.body).toEqual({ available: false, kind: null });
    const r = await payByCard(t, 'card-none', { sessionId: 'x', amountCents: 100 });
    expect(r.status).toBe(503);
    const withOne = await hubWith(new VirtualCardTerminal());
    expect((await withOne.fetchJson('/api/payments/card', { token: withOne.tokens.WAITER })).body).toEqual({
      available: true,
      kind: 'virtual',
    });
  });
});
