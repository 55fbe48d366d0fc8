// Keeping the hub's records sound: verify the hash-chained audit log of money events (a broken link
// means someone changed history), download a consistent copy of the database, and see the hub's state.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useAdmin } from '../admin-services.js';
import { hubErrorOf } from '../hub-commands.js';
import { PageHeader } from '../ui/PageHeader.js';
import { LoadError } from '../ui/LoadState.js';
import { Icon } from '../ui/icons.js';
import { useResource } from '../use-resource.js';
import { downloadBackup } from './download-backup.js';

interface AuditVerdict {
  ok: boolean;
  entries: number;
  headHash?: string;
  firstBad?: { position: number; reason: string };
}
interface HubStatus {
  ready: boolean;
  version: string;
  startedAt: string;
}

export function MaintenancePage() {
  const { t, date, time } = useI18n();
  const { api, sessions } = useAdmin();
  const toast = useToast();
  const status = useResource<HubStatus>('/api/admin/status', { live: false });
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [checkedAt, setCheckedAt] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [auditError, setAuditError] = useState<string>();
  const [backingUp, setBackingUp] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setAuditError(undefined);
    try {
      setVerdict(await api.get<AuditVerdict>('/api/audit/verify'));
      setCheckedAt(new Date().toISOString());
    } catch (err) {
      setAuditError(hubErrorOf(err).message);
    } finally {
      setVerifying(false);
    }
  };

  const backup = async () => {
    setBackingUp(true);
    try {
      const file = await downloadBackup(sessions.token());
      toast(t('backup.done', { name: file.name, size: Math.max(1, Math.round(file.bytes / 1024)) }), 'ok');
    } catch (err) {
      toast(t('backup.failed', { reason: hubErrorOf(err).message }), 'danger');
    } finally {
      setBackingUp(false);
    }
  };

  return (
    <>
      <PageHeader title={t('maint.title')} subtitle={t('maint.subtitle')} />
      <div className="grid-2">
        <section className="card card-pad stack">
          <h2 className="section-title">{t('audit.title')}</h2>
          <p className="muted">{t('audit.intro')}</p>
          <div className="row">
            <Button variant="primary" onClick={() => void verify()} disabled={verifying}>
              <Icon name="shield" /> {verifying ? t('audit.verifying') : t('audit.verify')}
            </Button>
          </div>
          {auditError ? <div className="alert alert-danger">{auditError}</div> : null}
          {verdict ? (
            <div className={verdict.ok ? 'alert alert-ok' : 'alert alert-danger'} role="status">
              <strong>{verdict.ok ? t('audit.ok', { n: verdict.entries }) : t('audit.broken')}</strong>
              {verdict.firstBad ? (
                <div>
                  {t('audit.firstBad', { pos: verdict.firstBad.position, reason: verdict.firstBad.reason })}
                </div>
              ) : null}
              {verdict.headHash ? (
                <div className="mono break cell-sub">{t('audit.head', { hash: verdict.headHash })}</div>
              ) : null}
              {checkedAt ? (
                <div className="cell-sub">{t('audit.checkedAt', { when: time(checkedAt) })}</div>
              ) : null}
            </div>
          ) : null}
        </section>
        <section className="card card-pad stack">
          <h2 className="section-title">{t('backup.title')}</h2>
          <p className="muted">{t('backup.intro')}</p>
          <div className="row">
            <Button variant="primary" onClick={() => void backup()} disabled={backingUp}>
              <Icon name="download" /> {backingUp ? t('backup.working') : t('backup.download')}
            </Button>
          </div>
          <p className="cell-sub">{t('backup.keep')}</p>
        </section>
      </div>
      <section className="card card-pad hub-status">
        <h2 className="section-title">{t('maint.hub')}</h2>
        {status.error ? <LoadError error={status.error} onRetry={status.reload} /> : null}
        {status.data ? (
          <dl className="facts">
            <dt>{t('maint.state')}</dt>
            <dd>
              {status.data.ready ? (
                <Badge tone="ok">{t('maint.ready')}</Badge>
              ) : (
                <Badge tone="warn">{t('maint.notReady')}</Badge>
              )}
            </dd>
            <dt>{t('maint.version')}</dt>
            <dd className="mono">{status.data.version}</dd>
            <dt>{t('maint.startedAt')}</dt>
            <dd>
              {date(status.data.startedAt)} {time(status.data.startedAt)}
            </dd>
          </dl>
        ) : null}
      </section>
    </>
  );
}
