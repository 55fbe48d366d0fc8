// Events the cloud refused for good (or that failed too often). Each one holds back the later events of
// its aggregate, so the manager can inspect it, send it again (same event id: the cloud applies it once)
// or purge it (kept in the hub's log, never sent).
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { Modal } from '../../../shared/ui/Modal.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useAdmin } from '../admin-services.js';
import { refreshNow } from '../data-freshness.js';
import { hubErrorOf } from '../hub-commands.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { useResource } from '../use-resource.js';
import type { DeadLetter, DeadLetterAction, DeadLetterDetail } from './sync-types.js';
import { plural } from '../plural.js';
import { ActionsHeader } from '../ui/table-parts.js';

export function DeadLetters(props: { isAdmin: boolean }) {
  const { t, date, time } = useI18n();
  const { api } = useAdmin();
  const toast = useToast();
  const list = useResource<DeadLetter[]>('/api/sync/dead-letters');
  const [inspecting, setInspecting] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const letters = list.data ?? [];

  const act = async (method: 'post' | 'del', path: string, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    try {
      const done = await (method === 'post'
        ? api.post<DeadLetterAction>(path)
        : api.del<DeadLetterAction>(path));
      toast(
        t(done.eventSeqs.length === 1 ? 'dead.actionDone.one' : 'dead.actionDone', {
          n: done.eventSeqs.length,
          released: done.released,
        }),
        'ok',
      );
      setInspecting(null);
      refreshNow();
    } catch (err) {
      toast(hubErrorOf(err).message, 'danger');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card table-card">
      <header className="table-card-head">
        <h2>{t('dead.title')}</h2>
        <Badge tone={letters.length > 0 ? 'danger' : 'ok'}>{letters.length}</Badge>
        <span className="spacer" />
        <Button
          size="sm"
          disabled={busy || letters.length === 0}
          onClick={() => void act('post', '/api/sync/dead-letters/requeue-all')}
        >
          {t('dead.requeueAll')}
        </Button>
        {props.isAdmin ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={busy || letters.length === 0}
            onClick={() => void act('post', '/api/sync/dead-letters/purge-all', t('dead.purgeAllConfirm'))}
          >
            {t('dead.purgeAll')}
          </Button>
        ) : null}
      </header>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && letters.length === 0 ? <p className="empty">{t('dead.none')}</p> : null}
      {letters.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t('dead.event')}</th>
              <th>{t('dead.error')}</th>
              <th className="num">{t('dead.attempts')}</th>
              <th>{t('dead.when')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {letters.map((d) => (
              <tr key={d.eventSeq}>
                <td className="num mono">{d.eventSeq}</td>
                <td>
                  <div className="cell-title">{d.eventType}</div>
                  <div className="cell-sub mono">
                    {d.aggregateKey}
                    {d.parkedBehind > 0 ? ` · ${plural(t, 'dead.parked', d.parkedBehind)}` : ''}
                  </div>
                </td>
                <td className="cell-error">{d.error}</td>
                <td className="num">{d.attempts}</td>
                <td className="cell-sub">
                  {date(d.deadAt)} {time(d.deadAt)}
                </td>
                <td className="actions">
                  <Button size="sm" variant="ghost" onClick={() => setInspecting(d.eventSeq)}>
                    {t('dead.inspect')}
                  </Button>
                  <Button
                    size="sm"
                    disabled={busy}
                    onClick={() => void act('post', `/api/sync/dead-letters/${d.eventSeq}/requeue`)}
                  >
                    {t('dead.requeue')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {inspecting !== null ? (
        <DeadLetterDialog
          seq={inspecting}
          isAdmin={props.isAdmin}
          busy={busy}
          onRequeue={() => void act('post', `/api/sync/dead-letters/${inspecting}/requeue`)}
          onPurge={() => void act('del', `/api/sync/dead-letters/${inspecting}`, t('dead.purgeConfirm'))}
          onClose={() => setInspecting(null)}
        />
      ) : null}
    </section>
  );
}

function DeadLetterDialog(props: {
  seq: number;
  isAdmin: boolean;
  busy: boolean;
  onRequeue: () => void;
  onPurge: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const detail = useResource<DeadLetterDetail>(`/api/sync/dead-letters/${props.seq}`, { live: false });
  return (
    <Modal
      title={t('dead.inspectTitle', { seq: props.seq })}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          {props.isAdmin ? (
            <Button variant="danger" disabled={props.busy} onClick={props.onPurge}>
              {t('dead.purge')}
            </Button>
          ) : null}
          <span className="spacer" />
          <Button variant="primary" disabled={props.busy} onClick={props.onRequeue}>
            {t('dead.requeue')}
          </Button>
        </>
      }
    >
      {detail.error ? <LoadError error={detail.error} onRetry={detail.reload} /> : null}
      {detail.data ? (
        <div className="stack">
          <dl className="facts">
            <dt>{t('dead.event')}</dt>
            <dd>{detail.data.eventType}</dd>
            <dt>{t('dead.error')}</dt>
            <dd className="cell-error">{detail.data.error}</dd>
            <dt>{t('dead.eventId')}</dt>
            <dd className="mono">{detail.data.eventId}</dd>
            {detail.data.requestId ? (
              <>
                <dt>{t('dead.requestId')}</dt>
                <dd className="mono">{detail.data.requestId}</dd>
              </>
            ) : null}
          </dl>
          <pre className="json">{JSON.stringify(detail.data.event, null, 2)}</pre>
        </div>
      ) : (
        !detail.error && <Loading />
      )}
    </Modal>
  );
}
