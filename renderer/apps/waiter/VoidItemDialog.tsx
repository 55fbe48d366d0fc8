// Voiding one dish of a sent round (a manager's VoidItem): asks why, since the void takes the dish off
// the check and out of the kitchen and stays in the log.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { Modal } from '../../shared/ui/Modal.js';
import { ReasonField, reasonOk } from './ReasonField.js';

export function VoidItemDialog(props: {
  dish: string;
  onClose: () => void;
  onVoid: (reason: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const valid = reasonOk(reason);
  return (
    <Modal
      title={t('void.title', { dish: props.dish })}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button variant="danger" disabled={!valid} onClick={() => valid && props.onVoid(reason.trim())}>
            {t('void.submit')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <p className="muted">{t('void.hint')}</p>
        <ReasonField value={reason} onChange={setReason} />
      </div>
    </Modal>
  );
}
