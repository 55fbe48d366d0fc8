// The frame around every page: brand and tenant, the three sections, live status, language, account.
import type { ReactNode } from 'react';
import type { OwnerMe } from '../../../protocol/owner-api.js';
import { useI18n } from '../../shared/i18n.js';
import { Badge } from '../../shared/ui/Badge.js';
import { Button } from '../../shared/ui/Button.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import type { LiveStatus } from './live.js';
import { ownerApi } from './owner-api.js';
import { hrefOf, PAGES, type Route } from './routes.js';
import { session } from './session.js';

export function Shell(props: { me: OwnerMe; route: Route; status: LiveStatus; children: ReactNode }) {
  const { t } = useI18n();
  const { me, route, status } = props;

  async function logout() {
    await ownerApi.logout().catch(() => {});
    session.set({ status: 'out' });
  }

  return (
    <div className="shell">
      <header className="topbar owner-topbar">
        <div className="brand">comanda</div>
        <div className="tenant">{me.tenantName}</div>
        <nav className="nav" aria-label="Secciones">
          {PAGES.map((page) => (
            <a key={page} href={hrefOf({ page })} aria-current={route.page === page ? 'page' : undefined}>
              {t(`nav.${page}`)}
            </a>
          ))}
        </nav>
        <div className="spacer" />
        <span className={`conn conn-${status}`} role="status" data-testid="live-status">
          <span className="conn-dot" />
          {t(`live.${status}`)}
        </span>
        <LangSwitch />
        <div className="account">
          <span className="account-email">{me.email}</span>
          <Badge tone={me.role === 'owner' ? 'brand' : 'info'}>{t(`role.${me.role}`)}</Badge>
        </div>
        <Button size="sm" variant="ghost" onClick={() => void logout()}>
          {t('logout')}
        </Button>
      </header>
      <main className="page">{props.children}</main>
    </div>
  );
}
