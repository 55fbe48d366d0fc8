// Rotating a table's join code retires its printed QR code at once (a code photographed and used from
// outside the restaurant stops working), so it asks first and says what must be reprinted.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { Modal } from '../../../shared/ui/Modal.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { FormAlert } from '../ui/Field.js';
import { useRunCommand } from '../hub-commands.js';
import type { Table } from './floor-types.js';

export function RotateCodeDialog(props: { table: Table; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const run = useRunCommand();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { table, onClose } = props;

  const rotate = async () => {
    setBusy(true);
    const answer = await run(
      'RotateJoinCode',
      { tableId: table.id },
      t('rotate.label', { name: table.label }),
    );
    setBusy(false);
    if (answer.status === 'refused') return setError(answer.error.message);
    const code = answer.status === 'done' ? String(answer.data.joinCode ?? '') : '';
    toast(
      answer.status === 'queued' ? t('form.queued') : t('rotate.done', { name: table.label, code }),
      'ok',
    );
    onClose();
  };

  return (
    <Modal
      title={t('rotate.title', { name: table.label })}
      onClose={onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button variant="danger" onClick={() => void rotate()} disabled={busy}>
            {t('rotate.confirm')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <FormAlert message={error} />
        <p>{t('rotate.explain', { code: table.joinCode })}</p>
        <p className="muted">{t('rotate.reprint')}</p>
      </div>
    </Modal>
  );
}
