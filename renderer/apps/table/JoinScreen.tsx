// The first screen after scanning the table's QR code: which restaurant and table, an optional name
// (so the others at the table see who ordered what), and one button to join.
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { Button } from '../../shared/ui/Button.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { useRuntime } from './runtime-context.js';
import { Icon } from './icons.js';

export function JoinScreen() {
  const runtime = useRuntime();
  const phase = useStore(runtime.store, (s) => s.phase);
  const { t } = useI18n();
  const [name, setName] = useState(() => localStorage.getItem('comanda.diner.name') ?? '');
  const waiting = phase.kind === 'join' && phase.table?.open === false;
  // Until the waiter seats the table, look again every few seconds: the diner need not keep tapping.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void runtime.lookUp(), 5000);
    return () => clearInterval(timer);
  }, [waiting, runtime]);
  if (phase.kind !== 'join') return null;
  const table = phase.table;
  const submit = () => {
    localStorage.setItem('comanda.diner.name', name.trim());
    void runtime.join(name);
  };
  return (
    <div className="t-join">
      <div className="t-join-top">
        <LangSwitch />
      </div>
      <div className="t-join-hero">
        <div className="t-join-plate">
          <Icon name="plate" size={46} />
        </div>
        <p className="t-join-welcome">{t('join.welcome')}</p>
        <h1 className="t-join-name">{table?.branchName ?? '…'}</h1>
        {table ? <span className="t-table-chip">{t('join.table', { table: table.tableLabel })}</span> : null}
        <p className="t-lead">{t('join.lead')}</p>
      </div>
      <form
        className="t-join-form card card-pad stack"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {table && !table.open ? <p className="t-note t-note-warn">{t('join.notOpen')}</p> : null}
        <label className="field">
          {t('join.name')}
          <input
            className="input"
            value={name}
            maxLength={40}
            autoComplete="given-name"
            placeholder={t('join.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {phase.error ? (
          <p className="t-note t-note-danger" role="alert">
            {t(`join.error.${phase.error}`) === `join.error.${phase.error}`
              ? t('join.error.NETWORK')
              : t(`join.error.${phase.error}`)}
          </p>
        ) : null}
        <Button type="submit" variant="primary" size="lg" block disabled={phase.busy}>
          {phase.busy ? t('join.joining') : t('join.submit')}
        </Button>
        {table && !table.open ? (
          <Button variant="ghost" block onClick={() => void runtime.lookUp()}>
            {t('join.retry')}
          </Button>
        ) : null}
      </form>
      <p className="t-foot muted">Comanda</p>
    </div>
  );
}
