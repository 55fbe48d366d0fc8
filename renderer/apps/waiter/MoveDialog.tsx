// Moving a party to a free table (TransferSession) or merging it into another occupied one
// (MergeSessions): pick the table from the waiter's own sectors.
import { useSyncExternalStore } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Modal } from '../../shared/ui/Modal.js';
import type { TableView } from './hub-types.js';
import { useRuntime, useWaiter } from './runtime-context.js';
import { visibleSectors } from './table-states.js';

export function MoveDialog(props: {
  kind: 'transfer' | 'merge';
  tableLabel: string;
  sessionId: string;
  onClose: () => void;
  onPick: (table: TableView) => void;
}) {
  const { t } = useI18n();
  const rt = useRuntime();
  const floor = useWaiter((s) => s.floor);
  const signedIn = useSyncExternalStore(rt.sessions.subscribe, rt.sessions.current);
  const sectors = floor && signedIn ? visibleSectors(floor.sectors, signedIn.staff) : [];
  const fits = (tb: TableView) =>
    props.kind === 'transfer'
      ? tb.state === 'FREE' && !tb.sessionId
      : !!tb.sessionId && tb.sessionId !== props.sessionId;
  const groups = sectors.map((s) => ({ ...s, tables: s.tables.filter(fits) })).filter((s) => s.tables.length);

  return (
    <Modal
      title={t(props.kind === 'transfer' ? 'transfer.title' : 'merge.title', { table: props.tableLabel })}
      onClose={props.onClose}
      closeLabel={t('close')}
    >
      <div className="stack">
        {props.kind === 'merge' ? <p className="muted">{t('merge.hint')}</p> : null}
        {groups.length === 0 ? (
          <p className="muted">{t(props.kind === 'transfer' ? 'transfer.none' : 'merge.none')}</p>
        ) : null}
        {groups.map((s) => (
          <div key={s.id} className="stack">
            <span className="field-label">{s.name}</span>
            <div className="move-grid">
              {s.tables.map((tb) => (
                <button
                  key={tb.id}
                  className={`tile tile-sm tile-${tb.state}`}
                  onClick={() => props.onPick(tb)}
                >
                  <span className="tile-label">{tb.label}</span>
                  <span className="tile-meta">
                    {tb.guests ? t('floor.guests', { n: tb.guests }) : t('floor.seats', { n: tb.seats })}
                  </span>
                </button>
              ))}
            </div>
          </div>
        ))}
      </div>
    </Modal>
  );
}
