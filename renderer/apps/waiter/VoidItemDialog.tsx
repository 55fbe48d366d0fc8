// Voiding one dish of a sent round (a manager's VoidItem): asks why, since the void takes the dish off
// the check and out of the kitchen and stays in the log.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { ConfirmModal } from '../../shared/ui/ConfirmModal.js';
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
    <ConfirmModal
      title={t('void.title', { dish: props.dish })}
      onClose={props.onClose}
      onConfirm={() => valid && props.onVoid(reason.trim())}
      confirmLabel={t('void.submit')}
      variant="danger"
      disabled={!valid}
    >
      <div className="stack">
        <p className="muted">{t('void.hint')}</p>
        <ReasonField value={reason} onChange={setReason} />
      </div>
    </ConfirmModal>
  );
}
