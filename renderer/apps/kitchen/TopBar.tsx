// The kitchen's top bar: station, open and late counts, the wall clock, the hub connection, what is
// waiting to be sent, and the few buttons (each with its key) for those who reach for a mouse.
import { memo, useContext, useLayoutEffect, useRef } from 'react';
import { useI18n } from '../../shared/i18n.js';
import type { LiveStatus } from '../../shared/live-client.js';
import { ConnectionPill } from '../../shared/ui/ConnectionPill.js';
import { AgeClockContext } from './age-label.js';
import { BellIcon, BellOffIcon, ClockIcon, LogoutIcon } from './icons.js';

export interface TopBarProps {
  stationName: string;
  open: number;
  held: number;
  status: LiveStatus;
  pending: number;
  muted: boolean;
  who: string | null;
  paired: boolean;
  allDay: boolean;
  onStation: () => void;
  onAllDay: () => void;
  onSettings: () => void;
  onHelp: () => void;
  onMute: () => void;
  onSignIn: () => void;
  onSignOut: () => void;
}

function ClockText(props: { render: (now: number, late: number) => string; className: string }) {
  const clock = useContext(AgeClockContext);
  const ref = useRef<HTMLSpanElement>(null);
  const { render } = props;
  useLayoutEffect(
    () => (clock && ref.current ? clock.registerText(ref.current, render) : undefined),
    [clock, render],
  );
  return <span ref={ref} className={props.className} />;
}

const wallClock = (now: number) =>
  new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
const lateCount = (_: number, late: number) => String(late);

function TopBarView(p: TopBarProps) {
  const { t } = useI18n();
  return (
    <header className="k-top">
      <div className="k-brand">
        <span className="brand">Comanda</span>
        <span className="k-app">{t('app.title')}</span>
      </div>
      <button className="k-station" onClick={p.onStation} title={t('top.station')}>
        {p.stationName} <kbd>S</kbd>
      </button>
      <div className="k-counts">
        <span className="k-count">
          <b>{p.open}</b> {t('top.open')}
        </span>
        <span className="k-count k-count-late">
          <ClockText className="k-late-n" render={lateCount} /> {t('top.late')}
        </span>
        {p.held > 0 ? (
          <span className="k-count k-count-held">
            <b>{p.held}</b> {t('top.held')}
          </span>
        ) : null}
      </div>
      <span className="spacer" />
      {p.pending > 0 ? (
        <span className="k-pending">
          <ClockIcon /> {p.pending}
        </span>
      ) : null}
      <ConnectionPill
        status={p.status}
        labels={{
          live: t('conn.live'),
          connecting: t('conn.connecting'),
          offline: t('conn.offline'),
          unauthorized: t('conn.unauthorized'),
        }}
      />
      <button className={`k-btn${p.allDay ? ' on' : ''}`} onClick={p.onAllDay} aria-pressed={p.allDay}>
        {t('top.allDay')} <kbd>A</kbd>
      </button>
      <button className="k-btn" onClick={p.onMute} aria-label={p.muted ? t('sound.off') : t('sound.on')}>
        {p.muted ? <BellOffIcon /> : <BellIcon />} <kbd>M</kbd>
      </button>
      <button className="k-btn" onClick={p.onSettings}>
        {t('top.settings')} <kbd>T</kbd>
      </button>
      <button className="k-btn" onClick={p.onHelp}>
        {t('top.help')} <kbd>H</kbd>
      </button>
      {p.who ? (
        <button className="k-btn k-who" onClick={p.onSignOut} title={t('logout')}>
          {p.who} <LogoutIcon />
        </button>
      ) : p.paired ? (
        <button className="k-btn" onClick={p.onSignIn}>
          {t('top.signIn')}
        </button>
      ) : null}
      <ClockText className="k-clock" render={wallClock} />
    </header>
  );
}

export const TopBar = memo(TopBarView);
