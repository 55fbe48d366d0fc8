// Cloud sync at a glance: paired or not, what is waiting to go and for how long, the last success and
// error, the catalog the cloud sent down, and the dead letters to fix. Not paired: the pairing form.
import { useEffect } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useAdmin } from '../admin-services.js';
import { refreshNow } from '../data-freshness.js';
import { hubErrorOf } from '../hub-commands.js';
import { PageHeader } from '../ui/PageHeader.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { useResource } from '../use-resource.js';
import { DeadLetters } from './DeadLetters.js';
import { PairCloudForm } from './PairCloudForm.js';
import type { SyncStatus } from './sync-types.js';
import { plural } from '../plural.js';

/** "3 min", "2 h 5 min": lag read at a glance. */
export function formatLag(
  seconds: number | null,
  t: (k: string, v?: Record<string, number>) => string,
): string {
  if (seconds === null) return t('sync.noLag');
  if (seconds < 60) return t('sync.lagSeconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('sync.lagMinutes', { n: minutes });
  return t('sync.lagHours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

export function SyncPage() {
  const { t, date, time } = useI18n();
  const { api, sessions } = useAdmin();
  const toast = useToast();
  const status = useResource<SyncStatus>('/api/sync/status');
  const isAdmin = sessions.current()?.staff.role === 'ADMIN';
  const s = status.data;
  const when = (iso: string | null) => (iso ? `${date(iso)} ${time(iso)}` : t('sync.never'));
  const { reload } = status;

  // Lag grows with no event to announce it: look again every few seconds while the page is open.
  useEffect(() => {
    const timer = setInterval(reload, 10_000);
    return () => clearInterval(timer);
  }, [reload]);

  const unpair = async () => {
    if (!window.confirm(t('sync.unpairConfirm'))) return;
    try {
      await api.post('/api/sync/unpair');
      toast(t('sync.unpairedToast'), 'ok');
      refreshNow();
    } catch (err) {
      toast(hubErrorOf(err).message, 'danger');
    }
  };

  return (
    <>
      <PageHeader
        title={t('sync.title')}
        subtitle={t('sync.subtitle')}
        actions={
          s?.paired && isAdmin ? (
            <Button variant="ghost" onClick={() => void unpair()}>
              {t('sync.unpair')}
            </Button>
          ) : null
        }
      />
      {status.error && !s ? <LoadError error={status.error} onRetry={status.reload} /> : null}
      {!s && !status.error ? <Loading /> : null}
      {s ? (
        <div className="stack">
          <div className="stat-row">
            <div className="stat card">
              <span className="stat-label">{t('sync.connection')}</span>
              {s.paired ? (
                <Badge tone={s.consecutiveFailures > 0 ? 'warn' : 'ok'}>
                  {s.consecutiveFailures > 0 ? t('sync.retrying') : t('sync.paired')}
                </Badge>
              ) : (
                <Badge tone="warn">{t('sync.notPaired')}</Badge>
              )}
              <span className="stat-sub mono">{s.cloud ? s.cloud.url : t('sync.standalone')}</span>
            </div>
            <div className="stat card">
              <span className="stat-label">{t('sync.backlog')}</span>
              <span className="stat-value">{s.backlog}</span>
              <span className="stat-sub">
                {t('sync.lag')}: {formatLag(s.lagSeconds, t)}
              </span>
            </div>
            <div className="stat card">
              <span className="stat-label">{t('sync.lastSuccess')}</span>
              <span className="stat-value stat-value-sm">{when(s.lastSuccessAt)}</span>
              <span className="stat-sub">{t('sync.lastSeq', { n: s.lastSeq })}</span>
            </div>
            <div className="stat card">
              <span className="stat-label">{t('sync.deadLetters')}</span>
              <span className={s.deadLetters > 0 ? 'stat-value danger' : 'stat-value'}>{s.deadLetters}</span>
              <span className="stat-sub">{plural(t, 'sync.parked', s.parked)}</span>
            </div>
          </div>
          {s.lastError ? (
            <div className="alert alert-danger" role="alert">
              <strong>{t('sync.lastError', { when: when(s.lastErrorAt) })}</strong>
              <div className="mono break">{s.lastError}</div>
              {s.nextAttemptAt ? <div>{t('sync.nextAttempt', { when: when(s.nextAttemptAt) })}</div> : null}
            </div>
          ) : null}
          {s.paired && s.cloud ? (
            <section className="card card-pad">
              <h2 className="section-title">{t('sync.cloudTitle')}</h2>
              <dl className="facts">
                <dt>{t('sync.url')}</dt>
                <dd className="mono">{s.cloud.url}</dd>
                <dt>{t('sync.hubId')}</dt>
                <dd className="mono">{s.cloud.hubId}</dd>
                <dt>{t('sync.keyId')}</dt>
                <dd className="mono">{s.cloud.keyId}</dd>
                <dt>{t('sync.pairedAt')}</dt>
                <dd>{when(s.cloud.pairedAt)}</dd>
                <dt>{t('sync.catalog')}</dt>
                <dd>
                  {s.catalog.version === null
                    ? t('sync.catalogNone')
                    : t('sync.catalogVersion', { n: s.catalog.version, when: when(s.catalog.appliedAt) })}
                  {s.catalog.lastError ? <div className="cell-error">{s.catalog.lastError}</div> : null}
                </dd>
              </dl>
            </section>
          ) : (
            <PairCloudForm canPair={isAdmin} />
          )}
          <DeadLetters isAdmin={isAdmin} />
        </div>
      ) : null}
    </>
  );
}
