// Announces, wherever the waiter is in the app, food that just became ready and tables that just
// started calling: a toast (read out to screen readers) and a short buzz on phones that have one.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { floorAlerts } from './floor-changes.js';
import type { FloorView } from './hub-types.js';
import { useRuntime } from './runtime-context.js';

export function FloorAlerts(props: { sectorIds: readonly string[] | null }) {
  const rt = useRuntime();
  const toast = useToast();
  const { t } = useI18n();
  const last = useRef<FloorView | null>(rt.state.get().floor);
  const { sectorIds } = props;

  useEffect(() => {
    const mine = sectorIds ? new Set(sectorIds) : null;
    return rt.state.subscribe(() => {
      const floor = rt.state.get().floor;
      if (floor === last.current) return;
      const alerts = floorAlerts(last.current, floor, mine);
      last.current = floor;
      for (const a of alerts) {
        toast(
          t(a.kind === 'ready' ? 'alert.ready' : 'alert.call', { table: a.label }),
          a.kind === 'ready' ? 'ok' : 'danger',
        );
      }
      if (alerts.length) navigator.vibrate?.(150);
    });
  }, [rt, toast, t, sectorIds]);
  return null;
}
