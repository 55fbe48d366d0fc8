// The report's tables: per branch, best sellers and payment methods, each row with a bar for its share.
import type { SalesReport } from '../../../../protocol/owner-api.js';
import { useI18n } from '../../../shared/i18n.js';

function Share(props: { value: number; max: number }) {
  const pct = props.max > 0 ? Math.max(2, Math.round((props.value / props.max) * 100)) : 0;
  return (
    <span className="share" aria-hidden="true">
      <span style={{ width: `${pct}%` }} />
    </span>
  );
}

function Branches(props: { report: SalesReport }) {
  const { t, money } = useI18n();
  const rows = props.report.byBranch;
  const max = Math.max(0, ...rows.map((r) => r.revenueCents));
  return (
    <section className="card card-pad">
      <h2 className="section-title">{t('reports.branches.title')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('reports.col.branch')}</th>
            <th className="num">{t('reports.col.sessions')}</th>
            <th className="num">{t('reports.col.tips')}</th>
            <th className="num">{t('reports.col.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.branchId}>
              <td>
                <div>{r.name}</div>
                <Share value={r.revenueCents} max={max} />
              </td>
              <td className="num">{r.sessionsClosed}</td>
              <td className="num">{money(r.tipsCents)}</td>
              <td className="num strong">{money(r.revenueCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Products(props: { report: SalesReport }) {
  const { t, money } = useI18n();
  const rows = props.report.products.slice(0, 12);
  const max = Math.max(0, ...rows.map((r) => r.salesCents));
  return (
    <section className="card card-pad">
      <h2 className="section-title">{t('reports.products.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.none')}</p>
      ) : (
        <table className="table" data-testid="top-products">
          <thead>
            <tr>
              <th>{t('reports.col.product')}</th>
              <th className="num">{t('reports.col.qty')}</th>
              <th className="num">{t('reports.col.sales')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.productId}>
                <td>
                  <div>{r.name}</div>
                  <Share value={r.salesCents} max={max} />
                </td>
                <td className="num">{r.qty}</td>
                <td className="num strong">{money(r.salesCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Payments(props: { report: SalesReport }) {
  const { t, money } = useI18n();
  const rows = props.report.paymentMethods;
  const max = Math.max(0, ...rows.map((r) => r.amountCents));
  return (
    <section className="card card-pad">
      <h2 className="section-title">{t('reports.payments.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('reports.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('reports.col.method')}</th>
              <th className="num">{t('reports.col.payments')}</th>
              <th className="num">{t('reports.col.tips')}</th>
              <th className="num">{t('reports.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.method}>
                <td>
                  <div>{t(`reports.method.${r.method}`)}</div>
                  <Share value={r.amountCents} max={max} />
                </td>
                <td className="num">{r.payments}</td>
                <td className="num">{money(r.tipsCents)}</td>
                <td className="num strong">{money(r.amountCents - r.refundedCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export const ReportTables = { Branches, Products, Payments };
