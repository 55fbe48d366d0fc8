// Below the branch cards: today's sales by hour (each branch's wall clock) and what is being ordered most,
// across all branches.
import { useCallback, useMemo } from 'react';
import type { SalesReport } from '../../../../protocol/owner-api.js';
import { useI18n } from '../../../shared/i18n.js';
import { ownerApi } from '../owner-api.js';
import { axisMoney } from '../format.js';
import { BarChart, type ChartSeries } from '../reports/BarChart.js';
import { useResource } from '../use-resource.js';

export function TodayDetail(props: { day: string }) {
  const { t, money, lang } = useI18n();
  const load = useCallback(
    () => ownerApi.report({ from: props.day, to: props.day, branches: [] }),
    [props.day],
  );
  const { data } = useResource<SalesReport>(`today-${props.day}`, load);
  const labels = useMemo(() => Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}h`), []);
  const series = useMemo<ChartSeries[]>(
    () =>
      data
        ? [
            {
              label: t('reports.chart.revenue'),
              values: data.hours.map((h) => h.revenueCents),
              color: '#c2410c',
              kind: 'bars',
            },
          ]
        : [],
    [data, t],
  );
  const currency = data?.currency;
  const formatAxis = useMemo(() => (currency ? axisMoney(lang, currency) : null), [lang, currency]);
  if (!data || !formatAxis) return null;
  const top = data.products.slice(0, 6);
  const max = Math.max(0, ...top.map((p) => p.salesCents));
  return (
    <div className="grid-2">
      <section className="card card-pad">
        <h2 className="section-title">{t('overview.hours')}</h2>
        <BarChart
          xLabel={t('reports.chart.hour')}
          labels={labels}
          series={series}
          format={money}
          formatAxis={formatAxis}
          height={200}
          testId="chart-today"
        />
      </section>
      <section className="card card-pad">
        <h2 className="section-title">{t('overview.top')}</h2>
        {top.length === 0 ? (
          <p className="muted">{t('overview.topNone')}</p>
        ) : (
          <ol className="top-list">
            {top.map((p, i) => (
              <li key={p.productId}>
                <span className="top-rank">{i + 1}</span>
                <span className="top-name">
                  {p.name}
                  <span className="share" aria-hidden="true">
                    <span
                      style={{
                        width: `${max > 0 ? Math.max(2, Math.round((p.salesCents / max) * 100)) : 0}%`,
                      }}
                    />
                  </span>
                </span>
                <span className="muted">× {p.qty}</span>
                <strong className="top-cents">{money(p.salesCents)}</strong>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
