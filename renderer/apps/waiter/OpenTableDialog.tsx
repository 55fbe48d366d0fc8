// Seating a table: pick the number of guests with one tap, then the table opens (or waits in the queue
// when the hub is out of reach, and the tile says "opening").
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { ConfirmModal } from '../../shared/ui/ConfirmModal.js';
import type { TableView } from './hub-types.js';
import { useCommand } from './runtime-context.js';

export function OpenTableDialog(props: {
  table: TableView;
  onClose: () => void;
  onOpened: (sessionId: string | null) => void;
}) {
  const { t } = useI18n();
  const run = useCommand();
  const { table } = props;
  const [guests, setGuests] = useState(Math.min(2, table.seats));
  const [busy, setBusy] = useState(false);
  const choices = Array.from({ length: Math.max(8, table.seats) }, (_, i) => i + 1);

  const open = async () => {
    setBusy(true);
    const result = await run(
      'OpenSession',
      { tableId: table.id, guests },
      t('label.open', { table: table.label, n: guests }),
      { queued: t('open.queued', { table: table.label }) },
    );
    setBusy(false);
    if (result.status === 'done' && result.outcome?.ok) {
      props.onOpened((result.outcome.data as { sessionId?: string }).sessionId ?? null);
    } else if (result.status === 'queued') props.onOpened(null);
  };

  return (
    <ConfirmModal
      title={t('open.title', { table: table.label })}
      onClose={props.onClose}
      onConfirm={() => void open()}
      confirmLabel={t('open.submit', { n: guests })}
      size="lg"
      disabled={busy}
    >
      <p className="field-label">{t('open.guests')}</p>
      <div className="guest-grid" role="group" aria-label={t('open.guests')}>
        {choices.map((n) => (
          <button key={n} className="choice" aria-pressed={guests === n} onClick={() => setGuests(n)}>
            {n}
          </button>
        ))}
      </div>
    </ConfirmModal>
  );
}
