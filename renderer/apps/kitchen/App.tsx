// Signed in (a cook, or a paired screen) → the kitchen display; neither → the sign-in screen.
import { useEffect, useState } from 'react';
import { useStore } from '../../shared/use-store.js';
import { KitchenScreen } from './KitchenScreen.js';
import type { KitchenServices } from './services.js';
import { SignInScreen } from './SignInScreen.js';

export function App(props: { services: KitchenServices }) {
  const { services } = props;
  const device = useStore(services.device);
  const [staffId, setStaffId] = useState(() => services.sessions.current()?.staff.id ?? null);
  useEffect(() => services.sessions.subscribe((s) => setStaffId(s?.staff.id ?? null)), [services.sessions]);
  useEffect(() => services.sessions.keepFresh(services.staffApi), [services]);
  useEffect(() => services.queue.start(), [services.queue]);
  if (!device && !staffId) return <SignInScreen services={services} />;
  // A paired screen keeps its board when cooks sign in and out; a cook-only screen starts afresh.
  return <KitchenScreen key={device ?? staffId!} services={services} />;
}
