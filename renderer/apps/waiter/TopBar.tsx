// The bar on every signed-in screen: who is signed in, what has not reached the hub yet, whether the
// view is live, the language, and sign-out. The connection pill never hides.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import type { StaffSession } from '../../shared/staff-session.js';
import { offlineReloadSupported } from '../../shared/sw-register.js';
import { ConnectionPill } from '../../shared/ui/ConnectionPill.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { Modal } from '../../shared/ui/Modal.js';
import { PendingList } from '../../shared/ui/PendingList.js';
import { navigate } from './hash-route.js';
import { usePending, useRuntime, useWaiter } from './runtime-context.js';
import { ClockIcon } from './icons.js';

export function TopBar(props: { staff: StaffSession['staff'] }) {
  const rt = useRuntime();
  const { t } = useI18n();
  const live = useWaiter((s) => s.live);
  const pending = usePending();
  const [showPending, setShowPending] = useState(false);
  const offline = live !== 'live';

  return (
    <>
      <header className="topbar waiter-topbar">
        <button className="brand-btn" onClick={() => navigate({ kind: 'floor' })} aria-label={t('nav.floor')}>
          <span className="brand">Comanda</span>
        </button>
        <span className="who">
          <strong>{props.staff.name}</strong>
          <span className="muted">{t(`role.${props.staff.role}`)}</span>
        </span>
        <span className="spacer" />
        {pending.length > 0 ? (
          <button
            className={pending.some((p) => p.state === 'failed') ? 'pending-chip failed' : 'pending-chip'}
            onClick={() => setShowPending(true)}
          >
            <ClockIcon /> {t('nav.pending', { n: pending.length })}
          </button>
        ) : null}
        <ConnectionPill
          status={live}
          labels={{
            live: t('conn.live'),
            connecting: t('conn.connecting'),
            offline: t('conn.offline'),
            unauthorized: t('conn.unauthorized'),
          }}
        />
        <LangSwitch />
        <button className="btn btn-ghost" onClick={() => void rt.sessions.logout(rt.api)}>
          {t('logout')}
        </button>
      </header>
      {offline && !offlineReloadSupported() ? (
        <div className="offline-note" role="note">
          {t('offline.reloadNeedsHub')}
        </div>
      ) : null}
      {showPending ? (
        <Modal title={t('nav.pendingTitle')} onClose={() => setShowPending(false)} closeLabel={t('close')}>
          <div className="stack">
            {pending.length === 0 ? <p className="muted">{t('nav.pendingNone')}</p> : null}
            <PendingList
              pending={pending}
              labels={{
                queued: t('pending.queued'),
                sending: t('pending.sending'),
                failed: t('pending.failed'),
                dismiss: t('pending.dismiss'),
              }}
              onDismiss={(id) => void rt.dismiss(id)}
            />
            {!offlineReloadSupported() ? <p className="muted small">{t('offline.reloadNeedsHub')}</p> : null}
          </div>
        </Modal>
      ) : null}
    </>
  );
}
