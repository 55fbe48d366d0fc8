// Signed out: the sign-in page. Signed in: the shell with the page the hash names and the live feed.
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { LoginPage } from './LoginPage.js';
import { MenuPage } from './menu/MenuPage.js';
import { ownerApi } from './owner-api.js';
import { OverviewPage } from './overview/OverviewPage.js';
import { ReportsPage } from './reports/ReportsPage.js';
import { useRoute } from './routes.js';
import { session } from './session.js';
import { Shell } from './Shell.js';
import { useLiveFeed } from './live.js';

export function App() {
  const state = useStore(session);
  const { t } = useI18n();
  const route = useRoute();
  const status = useLiveFeed(state.status === 'in');

  useEffect(() => {
    ownerApi
      .me()
      .then((me) => session.set({ status: 'in', me }))
      .catch(() => session.set({ status: 'out' }));
  }, []);

  useEffect(() => {
    document.title = `Comanda · ${t(`nav.${route.page}`)}`;
  }, [t, route.page]);

  if (state.status === 'checking') return <div className="boot" aria-busy="true" />;
  if (state.status === 'out') return <LoginPage />;
  return (
    <Shell me={state.me} route={route} status={status}>
      {route.page === 'overview' && <OverviewPage />}
      {route.page === 'reports' && <ReportsPage />}
      {route.page === 'menu' && <MenuPage branchId={route.branchId} me={state.me} />}
    </Shell>
  );
}
