// Sign-in for the staff apps: pick your name, type your PIN. Only the roles the app is for are listed.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../api-client.js';
import { useI18n } from '../i18n.js';
import type { SessionStore, StaffListEntry, StaffRole } from '../staff-session.js';
import { Button } from './Button.js';
import { LangSwitch } from './LangSwitch.js';
import { PinPad } from './PinPad.js';

export function StaffLogin(props: {
  api: ApiClient;
  sessions: SessionStore;
  roles: readonly StaffRole[];
  appTitle: string;
}) {
  const { t } = useI18n();
  const [staff, setStaff] = useState<StaffListEntry[] | null>(null);
  const [hubDown, setHubDown] = useState(false);
  const [chosen, setChosen] = useState<StaffListEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { api, sessions, roles } = props;

  useEffect(() => {
    let stop = false;
    const load = () =>
      api
        .get<StaffListEntry[]>('/api/auth/staff')
        .then((list) => {
          if (stop) return;
          setHubDown(false);
          // The list only holds people who may sign in; `active` is checked when the hub sends it.
          setStaff(list.filter((s) => s.active !== false && roles.includes(s.role)));
        })
        .catch(() => {
          if (stop) return;
          setHubDown(true);
          setTimeout(load, 3000);
        });
    load();
    return () => {
      stop = true;
    };
  }, [api, roles]);

  const submit = useCallback(
    async (pin: string) => {
      if (!chosen) return;
      setBusy(true);
      setError(null);
      try {
        await sessions.login(api, chosen.id, pin);
      } catch (err) {
        if (err instanceof ApiError && err.status === 429) setError(t('login.tooMany'));
        else setError(err instanceof ApiError && err.status < 500 ? t('login.wrong') : t('login.hubDown'));
      } finally {
        setBusy(false);
      }
    },
    [api, chosen, sessions, t],
  );

  return (
    <div className="login-screen" style={{ minHeight: '100%', display: 'flex', flexDirection: 'column' }}>
      <header className="topbar">
        <span className="brand">Comanda</span>
        <span className="muted">{props.appTitle}</span>
        <span className="spacer" />
        <LangSwitch />
      </header>
      <main style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
        <div className="card card-pad" style={{ width: 'min(560px, 100%)' }}>
          {chosen ? (
            <div className="stack">
              <h1 style={{ margin: 0, textAlign: 'center', fontSize: '1.4rem' }}>
                {t('login.pin', { name: chosen.name })}
              </h1>
              <PinPad
                disabled={busy}
                onComplete={submit}
                labels={{
                  clear: t('login.clear'),
                  back: t('login.delete'),
                  pin: t('login.pin', { name: chosen.name }),
                }}
              />
              {error ? (
                <p
                  role="alert"
                  style={{ color: 'var(--danger)', textAlign: 'center', margin: 0, fontWeight: 600 }}
                >
                  {error}
                </p>
              ) : null}
              <Button variant="ghost" onClick={() => (setChosen(null), setError(null))}>
                ← {t('login.back')}
              </Button>
            </div>
          ) : (
            <div className="stack">
              <h1 style={{ margin: 0, fontSize: '1.4rem' }}>{t('login.title')}</h1>
              {hubDown ? <p className="muted">{t('login.hubDown')}</p> : null}
              {staff && staff.length === 0 ? <p className="muted">{t('login.noStaff')}</p> : null}
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
                  gap: 12,
                }}
              >
                {(staff ?? []).map((s) => (
                  <Button
                    key={s.id}
                    size="lg"
                    onClick={() => setChosen(s)}
                    style={{ flexDirection: 'column', height: 96 }}
                  >
                    <span style={{ fontSize: '1.15rem' }}>{s.name}</span>
                    <small className="muted">{t(`role.${s.role}`)}</small>
                  </Button>
                ))}
              </div>
            </div>
          )}
        </div>
      </main>
    </div>
  );
}
