// The first screen: a cook signs in with a PIN, or the screen is paired by pasting its device code.
import { useState } from 'react';
import { ApiError } from '../../shared/api-client.js';
import { createApiClient } from '../../shared/api-client.js';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { StaffLogin } from '../../shared/ui/StaffLogin.js';
import { isDeviceToken } from './kitchen-auth.js';
import type { KitchenServices } from './services.js';
import { KITCHEN_ROLES } from './StaffGate.js';

export function SignInScreen(props: { services: KitchenServices }) {
  const { t } = useI18n();
  const { services } = props;
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function pair(): Promise<void> {
    const token = code.trim();
    if (!isDeviceToken(token)) {
      setError(t('device.bad'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Check it before keeping it: a mistyped code should say so here, not as a dead board.
      await createApiClient({ getToken: () => token }).get('/api/kitchen/board');
      services.device.save(token);
    } catch (err) {
      setError(err instanceof ApiError ? t('device.bad') : t('login.hubDown'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <StaffLogin
        api={services.loginApi}
        sessions={services.sessions}
        roles={KITCHEN_ROLES}
        appTitle={t('app.title')}
      />
      <form
        className="device-pair card"
        onSubmit={(e) => {
          e.preventDefault();
          void pair();
        }}
      >
        <strong>{t('device.title')}</strong>
        <span className="muted">{t('device.body')}</span>
        <div className="row">
          <input
            className="input"
            value={code}
            placeholder={t('device.placeholder')}
            aria-label={t('device.title')}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" variant="primary" disabled={busy || code.trim() === ''}>
            {t('device.use')}
          </Button>
        </div>
        {error ? (
          <p className="device-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
