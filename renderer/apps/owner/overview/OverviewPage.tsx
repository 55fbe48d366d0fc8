// Today across the tenant: headline figures for all branches together, then one card per branch with its
// sales, live tables and rounds, and each hub's sync health. Refreshed by the live feed.
import type { Overview } from '../../../../protocol/owner-api.js';
import { useI18n } from '../../../shared/i18n.js';
import { longDay, useFiguresCurrency } from '../format.js';
import { ownerApi } from '../owner-api.js';
import { hrefOf } from '../routes.js';
import { Kpi } from '../ui/Kpi.js';
import { LoadError } from '../ui/LoadError.js';
import { useResource } from '../use-resource.js';
import { HubHealth } from './HubHealth.js';
import { TodayDetail } from './TodayDetail.js';

function sum(o: Overview, pick: (b: Overview['branches'][number]) => number): number {
  return o.branches.reduce((acc, b) => acc + pick(b), 0);
}

export function OverviewPage() {
  const { t, money, time, lang } = useI18n();
  const { data, error, reload } = useResource('overview', ownerApi.overview);
  // The totals add the branches up: a group trades in one currency (the first branch's stands for all).
  useFiguresCurrency(data?.branches[0]?.currency);
  if (!data)
    return <div className="page-loading">{error ? <LoadError error={error} onRetry={reload} /> : null}</div>;
  const nowMs = Date.parse(data.generatedAt);
  return (
    <div className="stack-lg">
      <div className="page-head">
        <div>
          <h1>{t('overview.title')}</h1>
          <div className="muted">{longDay(data.day, lang)}</div>
        </div>
        <span className="spacer" />
        <span className="muted small">{t('overview.updated', { time: time(data.generatedAt) })}</span>
      </div>
      <LoadError error={error} onRetry={reload} />
      <div className="kpis">
        <Kpi
          tone="brand"
          testId="kpi-revenue"
          label={t('overview.kpi.revenue')}
          value={money(sum(data, (b) => b.today.revenueCents))}
          hint={t('overview.kpi.revenueHint', { n: sum(data, (b) => b.today.sessionsClosed) })}
        />
        <Kpi
          testId="kpi-ordered"
          label={t('overview.kpi.ordered')}
          value={money(sum(data, (b) => b.today.orderedCents))}
          hint={t('overview.kpi.orderedHint')}
        />
        <Kpi
          label={t('overview.kpi.tables')}
          value={String(sum(data, (b) => b.openTables))}
          hint={t('overview.kpi.tablesHint', { n: sum(data, (b) => b.guestsSeated) })}
        />
        <Kpi
          label={t('overview.kpi.rounds')}
          value={String(sum(data, (b) => b.liveRounds))}
          hint={
            sum(data, (b) => b.roundsAwaitingConfirmation) > 0
              ? t('overview.kpi.roundsAwaitingHint', { n: sum(data, (b) => b.roundsAwaitingConfirmation) })
              : t('overview.kpi.roundsHint')
          }
          testId="kpi-rounds"
        />
        <Kpi label={t('overview.kpi.tips')} value={money(sum(data, (b) => b.today.tipsCents))} />
      </div>
      {data.branches.length === 0 && <div className="empty card">{t('overview.empty')}</div>}
      <div className="branch-grid">
        {data.branches.map((b) => {
          const offline = b.hubs.length > 0 && b.hubs.every((h) => !h.online);
          return (
            <article
              key={b.branchId}
              className={`branch card${offline ? ' branch-offline' : ''}`}
              data-testid={`branch-${b.branchId}`}
            >
              <header className="branch-head">
                <h2>{b.name}</h2>
                <span className="spacer" />
                <a className="btn btn-sm" href={hrefOf({ page: 'menu', branchId: b.branchId })}>
                  {t('overview.branch.menu')}
                </a>
              </header>
              <div className="branch-figures">
                <div className="figure figure-main">
                  <span className="figure-label">{t('overview.branch.ordered')}</span>
                  <span className="figure-value" data-testid="branch-ordered">
                    {money(b.today.orderedCents)}
                  </span>
                </div>
                <div className="figure figure-main">
                  <span className="figure-label">{t('overview.branch.revenue')}</span>
                  <span className="figure-value">{money(b.today.revenueCents)}</span>
                </div>
              </div>
              <div className="branch-stats">
                <div className="stat">
                  <span className="stat-value">{b.openTables}</span>
                  <span className="stat-label">{t('overview.branch.tables')}</span>
                </div>
                <div className="stat">
                  <span className="stat-value">{b.liveRounds}</span>
                  <span className="stat-label">{t('overview.branch.rounds')}</span>
                </div>
                {b.roundsAwaitingConfirmation > 0 && (
                  <div className="stat" data-testid="branch-awaiting">
                    <span className="stat-value">{b.roundsAwaitingConfirmation}</span>
                    <span className="stat-label">{t('overview.branch.awaiting')}</span>
                  </div>
                )}
                <div className="stat">
                  <span className="stat-value">{money(b.today.tipsCents)}</span>
                  <span className="stat-label">{t('overview.branch.tips')}</span>
                </div>
              </div>
              <div className="branch-hubs">
                {b.hubs.length === 0 && <p className="muted small">{t('overview.branch.noHub')}</p>}
                {b.hubs.map((h) => (
                  <HubHealth key={h.hubId} hub={h} catalogHead={b.catalogHeadVersion} nowMs={nowMs} />
                ))}
              </div>
            </article>
          );
        })}
      </div>
      {data.branches.length > 0 && <TodayDetail day={data.day} />}
    </div>
  );
}
