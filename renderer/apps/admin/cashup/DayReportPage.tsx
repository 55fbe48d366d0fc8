// The manager's cash-up: one business day's takings as the hub's payments log has them (closed tables,
// payments by method with tips, refunds), with the day to look at and a print button for the drawer.
import { useEffect, useState } from 'react';
import type { DayReportView } from '../../../../protocol/admin-api-views.js';
import { reportBranchCurrency } from '../../../shared/branch-currency.js';
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { plural } from '../plural.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { useResource } from '../use-resource.js';

export function DayReportPage() {
  const { t, money } = useI18n();
  // Null: the branch's current business day, as the hub reckons it.
  const [day, setDay] = useState<string | null>(null);
  const report = useResource<DayReportView>(
    day ? `/api/admin/day-report?day=${encodeURIComponent(day)}` : '/api/admin/day-report',
  );
  const r = report.data;
  const currency = r?.currency;
  useEffect(() => {
    if (currency) reportBranchCurrency(currency);
  }, [currency]);
  // On paper only the figures (styles/cashup.css).
  useEffect(() => {
    document.body.classList.add('printing-cashup');
    return () => document.body.classList.remove('printing-cashup');
  }, []);

  return (
    <>
      <PageHeader
        title={t('cashup.title')}
        subtitle={t('cashup.subtitle')}
        actions={
          <>
            <label className="inline-field">
              <span>{t('cashup.day')}</span>
              <input
                className="input"
                type="date"
                value={day ?? r?.day ?? ''}
                onChange={(e) => setDay(e.target.value || null)}
              />
            </label>
            <Button variant="ghost" onClick={() => setDay(null)}>
              {t('cashup.today')}
            </Button>
            <Button variant="ghost" onClick={() => window.print()}>
              {t('cashup.print')}
            </Button>
          </>
        }
      />
      {report.error && !r ? <LoadError error={report.error} onRetry={report.reload} /> : null}
      {!r && !report.error ? <Loading /> : null}
      {r ? (
        <div className="stack" data-testid="day-report">
          <div className="stat-row">
            <div className="stat card">
              <span className="stat-label">{t('cashup.revenue')}</span>
              <span className="stat-value" data-testid="cashup-revenue">
                {money(r.revenueCents)}
              </span>
              <span className="stat-sub">{plural(t, 'cashup.sessions', r.sessionsClosed)}</span>
            </div>
            <div className="stat card">
              <span className="stat-label">{t('cashup.payments')}</span>
              <span className="stat-value">{money(r.paymentsCents)}</span>
              <span className="stat-sub">
                {t('cashup.tips')}: {money(r.tipsCents)}
              </span>
            </div>
            <div className="stat card">
              <span className="stat-label">{t('cashup.refunds')}</span>
              <span className={r.refundsCents > 0 ? 'stat-value danger' : 'stat-value'}>
                {money(r.refundsCents)}
              </span>
            </div>
            <div className="stat card">
              <span className="stat-label">{t('cashup.open')}</span>
              <span className="stat-value">{r.openSessions}</span>
              <span className="stat-sub">{t('cashup.openHint')}</span>
            </div>
          </div>
          <section className="card table-card">
            <h2 className="section-title card-pad">{t('cashup.byMethod')}</h2>
            {r.byMethod.length === 0 ? (
              <p className="muted card-pad">{t('cashup.none')}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('cashup.method')}</th>
                    <th className="num">{t('cashup.count')}</th>
                    <th className="num">{t('cashup.tips')}</th>
                    <th className="num">{t('cashup.amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.byMethod.map((m) => (
                    <tr key={m.method} data-method={m.method}>
                      <td className="cell-title">{t(`cashup.method.${m.method}`)}</td>
                      <td className="num">{m.payments}</td>
                      <td className="num">{money(m.tipsCents)}</td>
                      <td className="num">{money(m.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th>{t('cashup.total')}</th>
                    <th className="num">{r.byMethod.reduce((n, m) => n + m.payments, 0)}</th>
                    <th className="num">{money(r.tipsCents)}</th>
                    <th className="num">{money(r.paymentsCents)}</th>
                  </tr>
                </tfoot>
              </table>
            )}
          </section>
          <p className="cell-sub">
            {t('cashup.cut', {
              hour: String(r.businessDayStartsAtHour).padStart(2, '0'),
              zone: r.timeZone.replace(/_/g, ' '),
            })}
          </p>
        </div>
      ) : null}
    </>
  );
}
