// Reports over a period for all branches or some: headline figures, sales per day and per hour, per
// branch, best sellers and payment methods, each exportable as CSV.
import { useCallback, useMemo, useState } from 'react';
import { REPORT_CSV_KINDS, type SalesReport } from '../../../../protocol/owner-api.js';
import { useI18n } from '../../../shared/i18n.js';
import { axisMoney, isoDay, shortDay, useFiguresCurrency } from '../format.js';
import { ownerApi, type ReportRange } from '../owner-api.js';
import { Kpi } from '../ui/Kpi.js';
import { LoadError } from '../ui/LoadError.js';
import { useResource } from '../use-resource.js';
import { BarChart, type ChartSeries } from './BarChart.js';
import { DateRangePicker, presetRange, type DayRange, type Preset } from './DateRangePicker.js';
import { ReportTables } from './ReportTables.js';

const BRAND = '#c2410c';
const INK = '#1d4ed8';

export function ReportsPage() {
  const { t, money, lang } = useI18n();
  const overview = useResource('branches', ownerApi.overview, { live: false });
  const allBranches = overview.data?.branches ?? [];
  // "Today" is the branches' business day as the cloud computes it (at 01:00 it is still yesterday's
  // service), not this device's date; until the overview answers, the device's date stands in.
  const today = overview.data?.day ?? isoDay(Date.now());
  const [choice, setChoice] = useState<Preset | DayRange>('7');
  const range = useMemo(
    () => (typeof choice === 'string' ? presetRange(choice, today) : choice),
    [choice, today],
  );
  const [branches, setBranches] = useState<string[]>([]);
  const query: ReportRange = useMemo(() => ({ ...range, branches }), [range, branches]);
  const key = `${query.from}|${query.to}|${query.branches.join(',')}`;
  const load = useCallback(() => ownerApi.report(query), [query]);
  const { data, error, reload } = useResource<SalesReport>(key, load);
  useFiguresCurrency(data?.currency);

  const toggle = (id: string) =>
    setBranches((list) => (list.includes(id) ? list.filter((b) => b !== id) : [...list, id]));

  const currency = data?.currency ?? 'EUR';
  const formatAxis = useMemo(() => axisMoney(lang, currency), [lang, currency]);
  const dayLabels = useMemo(() => data?.days.map((d) => shortDay(d.day, lang)) ?? [], [data, lang]);
  const daySeries = useMemo<ChartSeries[]>(
    () =>
      data
        ? [
            {
              label: t('reports.chart.revenue'),
              values: data.days.map((d) => d.revenueCents),
              color: BRAND,
              kind: 'bars',
            },
            {
              label: t('reports.chart.ordered'),
              values: data.days.map((d) => d.orderedCents),
              color: INK,
              kind: 'line',
            },
          ]
        : [],
    [data, t],
  );
  const hourLabels = useMemo(
    () => Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}h`),
    [],
  );
  const hourSeries = useMemo<ChartSeries[]>(
    () =>
      data
        ? [
            {
              label: t('reports.chart.revenue'),
              values: data.hours.map((h) => h.revenueCents),
              color: BRAND,
              kind: 'bars',
            },
          ]
        : [],
    [data, t],
  );

  const totals = data?.totals;
  const average =
    totals && totals.sessionsClosed > 0 ? Math.round(totals.revenueCents / totals.sessionsClosed) : 0;

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1>{t('reports.title')}</h1>
        <span className="spacer" />
        <details className="export">
          <summary className="btn btn-sm">{t('reports.export')} ▾</summary>
          <div className="export-menu card">
            {REPORT_CSV_KINDS.map((kind) => (
              <a key={kind} href={ownerApi.csvUrl(query, kind)} download data-testid={`csv-${kind}`}>
                {t(`reports.export.${kind}`)}
              </a>
            ))}
          </div>
        </details>
      </div>
      <div className="toolbar card">
        <DateRangePicker value={range} today={today} onChange={setChoice} />
        <div className="chips" role="group" aria-label={t('reports.branches')}>
          <button className="chip" aria-pressed={branches.length === 0} onClick={() => setBranches([])}>
            {t('reports.allBranches')}
          </button>
          {allBranches.map((b) => (
            <button
              key={b.branchId}
              className="chip"
              aria-pressed={branches.includes(b.branchId)}
              onClick={() => toggle(b.branchId)}
            >
              {b.name}
            </button>
          ))}
        </div>
      </div>
      <LoadError error={error} onRetry={reload} />
      {data && totals && (
        <>
          <div className="kpis">
            <Kpi
              tone="brand"
              label={t('reports.kpi.revenue')}
              value={money(totals.revenueCents)}
              testId="report-revenue"
            />
            <Kpi
              label={t('reports.kpi.ordered')}
              value={money(totals.orderedCents)}
              testId="report-ordered"
            />
            <Kpi label={t('reports.kpi.tips')} value={money(totals.tipsCents)} />
            <Kpi label={t('reports.kpi.average')} value={money(average)} />
            <Kpi label={t('reports.kpi.sessions')} value={String(totals.sessionsClosed)} />
            <Kpi label={t('reports.kpi.refunds')} value={money(totals.refundsCents)} />
          </div>
          <section className="card card-pad">
            <h2 className="section-title">{t('reports.chart.days')}</h2>
            <BarChart
              xLabel={t('reports.chart.day')}
              labels={dayLabels}
              series={daySeries}
              format={money}
              formatAxis={formatAxis}
              testId="chart-days"
            />
          </section>
          <div className="grid-2">
            <section className="card card-pad">
              <h2 className="section-title">{t('reports.chart.hours')}</h2>
              <BarChart
                xLabel={t('reports.chart.hour')}
                labels={hourLabels}
                series={hourSeries}
                format={money}
                formatAxis={formatAxis}
                height={220}
                testId="chart-hours"
              />
            </section>
            <ReportTables.Payments report={data} />
          </div>
          <div className="grid-2">
            <ReportTables.Branches report={data} />
            <ReportTables.Products report={data} />
          </div>
          <p className="muted small">{t('reports.dayNote')}</p>
        </>
      )}
    </div>
  );
}
