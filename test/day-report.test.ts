// The manager's cash-up (GET /api/admin/day-report) against the owner's figures in the cloud: a night of
// cash and card tables, tips and a refund, synced through the real relay; both must show the same day to
// the cent. Bad input is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayReportView } from '../protocol/admin-api-views.js';
import { toNumber } from '../cloud-sync/db/cloud-db.js';
import { DB_TARGETS } from '../cloud-sync/test-support/db-targets.js';
import { startSyncCloud, type SyncCloud } from './support/sync-cloud.js';
import { eventually, serveTable, startSyncHub, type SyncHub } from './support/sync-hub.js';

/** A table paid by card with a tip, then part of that payment refunded. */
async function cardTableWithRefund(h: SyncHub, tableId: string): Promise<void> {
  const { sessionId } = (await h.command('OpenSession', { tableId, guests: 3 })) as { sessionId: string };
  await h.command('PlaceRound', {
    sessionId,
    items: [
      { productId: 'prod-entrecot', qty: 1, modifiers: [{ groupId: 'doneness', optionId: 'medium' }] },
      { productId: 'prod-cana', qty: 3 },
    ],
  });
  const detail = (await h.api(`/api/sessions/${sessionId}`)).body as { dueCents: number };
  const paid = (await h.command('RecordPayment', {
    sessionId,
    method: 'CARD',
    amountCents: detail.dueCents,
    tipCents: 250,
    approvalCode: 'AB12',
    last4: '4242',
  })) as { paymentId: string };
  await h.command('CloseSession', { sessionId });
  await h.command('RefundPayment', { paymentId: paid.paymentId, amountCents: 300, reason: 'caña derramada' });
}

describe.each(DB_TARGETS)('the day report beside the cloud on $name', (target) => {
  let cloud: SyncCloud;
  let hub: SyncHub;
  beforeAll(async () => {
    cloud = await startSyncCloud(target);
    hub = await startSyncHub();
    const paired = await hub.api('/api/sync/pair', {
      body: { url: cloud.url, hubId: cloud.key.hubId, keyId: cloud.key.keyId, secret: cloud.key.secret },
    });
    expect(paired.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await hub?.stop();
    await cloud?.close();
  });

  it('matches the owner figures for the same business day to the cent', async () => {
    await serveTable(hub, 'table-1');
    await cardTableWithRefund(hub, 'table-2');
    await serveTable(hub, 'table-3');
    await hub.command('OpenSession', { tableId: 'table-4', guests: 2 });
    await eventually(() => hub.outboxSize() === 0, 'the outbox to empty');

    const r = await hub.api('/api/admin/day-report');
    expect(r.status).toBe(200);
    const report = r.body as DayReportView;
    expect(report).toMatchObject({ sessionsClosed: 3, refundsCents: 300, openSessions: 1 });
    expect(report.tipsCents).toBe(250);
    expect(report.byMethod.map((m) => [m.method, m.payments])).toEqual([
      ['CASH', 4],
      ['CARD', 1],
    ]);
    expect(report.paymentsCents).toBe(report.byMethod.reduce((s, m) => s + m.amountCents, 0));
    expect(report.paymentsCents).toBe(report.revenueCents);

    const [daily] = await cloud.db.query<Record<string, unknown>>(
      'SELECT * FROM proj_branch_daily WHERE branch_id = $1 AND business_day = $2',
      [cloud.branchId, report.day],
    );
    expect(daily).toBeDefined();
    expect({
      revenueCents: toNumber(daily!.revenue_cents),
      sessionsClosed: toNumber(daily!.sessions_closed),
      paymentsCents: toNumber(daily!.payments_cents),
      tipsCents: toNumber(daily!.tips_cents),
      refundsCents: toNumber(daily!.refunds_cents),
    }).toEqual({
      revenueCents: report.revenueCents,
      sessionsClosed: report.sessionsClosed,
      paymentsCents: report.paymentsCents,
      tipsCents: report.tipsCents,
      refundsCents: report.refundsCents,
    });
    const methods = await cloud.db.query<{ method: string; n: unknown; cents: unknown }>(
      `SELECT method, count(*) AS n, sum(amount_cents) AS cents FROM proj_payments
        WHERE branch_id = $1 AND business_day = $2 GROUP BY method ORDER BY method DESC`,
      [cloud.branchId, report.day],
    );
    expect(methods.map((m) => [m.method, toNumber(m.n), toNumber(m.cents)])).toEqual(
      report.byMethod.map((m) => [m.method, m.payments, m.amountCents]),
    );
  });

  it('reports a day with no service as zeros, and refuses what is not a day', async () => {
    const quiet = (await hub.api('/api/admin/day-report?day=2020-02-29')).body as DayReportView;
    expect(quiet).toMatchObject({ day: '2020-02-29', revenueCents: 0, sessionsClosed: 0, byMethod: [] });
    for (const bad of [
      '?day=2026-13-45',
      '?day=2026-02-30',
      '?day=yesterday',
      '?day=2026-1-5',
      '?when=2026-01-05',
    ]) {
      const r = await hub.api(`/api/admin/day-report${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body).toMatchObject({ code: 'INVALID', message: expect.any(String) });
    }
  });
});
