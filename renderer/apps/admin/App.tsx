// Signed out: the PIN login for admins and managers. Signed in: the shell with the page the hash names,
// the live feed that keeps every page fresh, and the command queue's retries.
import { useEffect, useSyncExternalStore } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { StaffLogin } from '../../shared/ui/StaffLogin.js';
import { useAdmin } from './admin-services.js';
import { useLiveRefresh } from './use-live-refresh.js';
import { Shell } from './Shell.js';
import { useRoute } from './routes.js';
import { QrSheet } from './floor/QrSheet.js';
import { PageBody } from './PageBody.js';

const ROLES = ['ADMIN', 'MANAGER'] as const;

export function App() {
  const { sessions, api, loginApi, commands } = useAdmin();
  const { t } = useI18n();
  const session = useSyncExternalStore(sessions.subscribe, sessions.current);
  const signedIn = session !== null && (ROLES as readonly string[]).includes(session.staff.role);

  useEffect(() => {
    if (!signedIn) return;
    const stopFresh = sessions.keepFresh(api);
    const stopQueue = commands.start();
    void commands.flush();
    return () => {
      stopFresh();
      stopQueue();
    };
  }, [signedIn, sessions, api, commands]);

  const status = useLiveRefresh(signedIn);
  const route = useRoute();

  useEffect(() => {
    document.title = `Comanda · ${t('app.title')}`;
  }, [t]);

  if (!signedIn)
    return <StaffLogin api={loginApi} sessions={sessions} roles={ROLES} appTitle={t('app.title')} />;
  // The QR sheet is a page of its own: nothing around it, so it prints as it looks.
  if (route.page === 'floor' && route.sub === 'qr') return <QrSheet />;
  return (
    <Shell route={route} status={status} staff={session.staff}>
      <PageBody route={route} />
    </Shell>
  );
}
