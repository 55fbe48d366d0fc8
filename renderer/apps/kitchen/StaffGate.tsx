// A cook signs in over a paired screen to bump (the hub runs kitchen commands for staff only).
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { StaffLogin } from '../../shared/ui/StaffLogin.js';
import type { KitchenServices } from './services.js';

export const KITCHEN_ROLES = ['KITCHEN', 'MANAGER', 'ADMIN'] as const;

export function StaffGate(props: { services: KitchenServices; onClose: () => void }) {
  const { t } = useI18n();
  const { services, onClose } = props;
  useEffect(() => services.sessions.subscribe((s) => s && onClose()), [services.sessions, onClose]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="staff-gate" role="dialog" aria-modal="true" aria-label={t('device.staffLogin')}>
      <StaffLogin
        api={services.loginApi}
        sessions={services.sessions}
        roles={KITCHEN_ROLES}
        appTitle={t('app.title')}
      />
      <button className="btn btn-ghost staff-gate-close" onClick={onClose}>
        ✕ {t('close')}
      </button>
    </div>
  );
}
