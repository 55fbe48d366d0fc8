// The admin's frame on a laptop: a sidebar with the sections, who is signed in, the connection and the
// language; the page on the right. Commands still waiting for the hub are listed under the menu.
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n.js';
import type { LiveStatus } from '../../shared/live-client.js';
import type { StaffSession } from '../../shared/staff-session.js';
import { offlineReloadSupported } from '../../shared/sw-register.js';
import { ConnectionPill } from '../../shared/ui/ConnectionPill.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { PendingList } from '../../shared/ui/PendingList.js';
import { useAdmin } from './admin-services.js';
import { hrefOf, PAGES, type PageId, type Route } from './routes.js';
import { Icon } from './ui/icons.js';

const ICONS: Record<PageId, string> = {
  catalog: 'catalog',
  floor: 'floor',
  staff: 'staff',
  cashup: 'receipt',
  devices: 'devices',
  sync: 'sync',
  settings: 'settings',
  https: 'lock',
  maintenance: 'shield',
};

export function Shell(props: {
  route: Route;
  status: LiveStatus;
  staff: StaffSession['staff'];
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { sessions, api, commands } = useAdmin();
  const pending = useSyncExternalStore(commands.subscribe, commands.pending);
  // Lost from the first 'offline' until 'live' again: the retries in between ('connecting') must not
  // make the note below blink.
  const [lost, setLost] = useState(false);
  const nowLost = props.status === 'offline' || (props.status === 'connecting' && lost);
  if (nowLost !== lost) setLost(nowLost);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="sidebar-brand">
          <span className="brand">Comanda</span>
          <span className="sidebar-app">{t('app.title')}</span>
        </div>
        <ul className="nav-list">
          {PAGES.map((page) => (
            <li key={page}>
              <a
                href={hrefOf({ page })}
                className={props.route.page === page ? 'nav-link active' : 'nav-link'}
                aria-current={props.route.page === page ? 'page' : undefined}
              >
                <Icon name={ICONS[page]} />
                <span>{t(`nav.${page}`)}</span>
              </a>
            </li>
          ))}
        </ul>
        {pending.length > 0 ? (
          <section className="sidebar-pending" aria-label={t('pending.title')}>
            <h2>{t('pending.title')}</h2>
            <PendingList
              pending={pending}
              labels={{
                queued: t('pending.queued'),
                sending: t('pending.sending'),
                failed: t('pending.failed'),
                dismiss: t('pending.dismiss'),
              }}
              onDismiss={(id) => void commands.dismiss(id)}
            />
          </section>
        ) : null}
        <div className="sidebar-foot">
          <ConnectionPill
            status={props.status}
            labels={{
              live: t('conn.live'),
              connecting: t('conn.connecting'),
              offline: t('conn.offline'),
              unauthorized: t('conn.unauthorized'),
            }}
          />
          {nowLost && !offlineReloadSupported() ? (
            <p className="sidebar-note" role="note">
              {t('shell.reloadNeedsHub')}
            </p>
          ) : null}
          <div className="sidebar-user">
            <span className="avatar" aria-hidden="true">
              {props.staff.name.slice(0, 1).toUpperCase()}
            </span>
            <span className="sidebar-user-text">
              <strong>{props.staff.name}</strong>
              <small className="muted">{t(`role.${props.staff.role}`)}</small>
            </span>
            <button
              className="btn btn-ghost btn-sm"
              onClick={() => void sessions.logout(api)}
              title={t('logout')}
              aria-label={t('logout')}
            >
              <Icon name="logout" />
            </button>
          </div>
          <LangSwitch />
        </div>
      </nav>
      <main className="page" id="main">
        {props.children}
      </main>
    </div>
  );
}
