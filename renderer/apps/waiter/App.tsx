// Signed out: the PIN login. Signed in: the top bar and either the floor or one table.
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useI18n } from '../../shared/i18n.js';
import type { StaffRole } from '../../shared/staff-session.js';
import { StaffLogin } from '../../shared/ui/StaffLogin.js';
import { FloorAlerts } from './FloorAlerts.js';
import { FloorScreen } from './FloorScreen.js';
import { loginApi } from './login-api.js';
import { useRoute } from './hash-route.js';
import { useRuntime } from './runtime-context.js';
import { SessionScreen } from './SessionScreen.js';
import { TopBar } from './TopBar.js';

const ROLES: readonly StaffRole[] = ['WAITER', 'MANAGER', 'ADMIN'];

export function App() {
  const rt = useRuntime();
  const { t } = useI18n();
  const signedIn = useSyncExternalStore(rt.sessions.subscribe, rt.sessions.current);
  const staff = signedIn?.staff;
  const staffId = staff?.id;
  const forLogin = useMemo(() => loginApi(rt.api), [rt]);

  useEffect(() => {
    const current = rt.sessions.current();
    if (!staffId || !current) return;
    return rt.start(current.staff);
  }, [rt, staffId]);

  if (!staff)
    return <StaffLogin api={forLogin} sessions={rt.sessions} roles={ROLES} appTitle={t('app.title')} />;
  return (
    <div className="waiter-app">
      <TopBar staff={staff} />
      <FloorAlerts sectorIds={staff.role === 'WAITER' ? staff.sectorIds : null} />
      <SignedInScreens />
    </div>
  );
}

function SignedInScreens() {
  const route = useRoute();
  return route.kind === 'session' ? <SessionScreen sessionId={route.sessionId} /> : <FloorScreen />;
}
