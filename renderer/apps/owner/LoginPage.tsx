// The sign-in page: email and password, one clear message for every refusal, and the wait when the
// cloud rate-limits repeated failures.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api-client.js';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { ownerApi } from './owner-api.js';
import { session } from './session.js';

export function LoginPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await ownerApi.login(email, password);
      session.set({ status: 'in', me: await ownerApi.me() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const seconds = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
        setError(t('login.limited', { seconds }));
      } else if (err instanceof ApiError && err.status < 500) setError(t('login.bad'));
      else setError(t('login.down'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login">
      <section className="login-hero" aria-hidden="true">
        <div className="login-hero-inner">
          <div className="brand brand-xl">comanda</div>
          <h1>{t('login.heading')}</h1>
          <p>{t('login.sub')}</p>
          <ul className="hero-points">
            <li>{t('login.point.live')}</li>
            <li>{t('login.point.hubs')}</li>
            <li>{t('login.point.menu')}</li>
          </ul>
        </div>
      </section>
      <section className="login-form-side">
        <div className="login-lang">
          <LangSwitch />
        </div>
        <form className="login-form card" onSubmit={(e) => void submit(e)}>
          <h2>{t('login.submit')}</h2>
          <label className="field">
            {t('login.email')}
            <input
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <label className="field">
            {t('login.password')}
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <Button variant="primary" size="lg" block type="submit" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </Button>
        </form>
      </section>
    </div>
  );
}
