// Giving the table a discount (a manager's ApplyDiscount): a percentage or an amount in the currency,
// typed as on the payment dialog and sent as basis points or integer cents, and the reason for it.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { Modal } from '../../shared/ui/Modal.js';
import { discountValue, type DiscountKind } from './manager-math.js';
import { ReasonField, reasonOk } from './ReasonField.js';

export interface DiscountInput {
  kind: DiscountKind;
  /** Cents for AMOUNT, basis points for PERCENT. */
  value: number;
  reason: string;
}

const KINDS: readonly DiscountKind[] = ['PERCENT', 'AMOUNT'];

export function DiscountDialog(props: {
  tableLabel: string;
  onClose: () => void;
  onApply: (d: DiscountInput) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<DiscountKind>('PERCENT');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const value = discountValue(kind, text);
  const valid = value !== null && reasonOk(reason);
  const apply = () => {
    if (valid && value !== null) props.onApply({ kind, value, reason: reason.trim() });
  };

  return (
    <Modal
      title={t('discount.title', { table: props.tableLabel })}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button variant="primary" disabled={!valid} onClick={apply}>
            {t('discount.submit')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <div className="seg seg-fill" role="group" aria-label={t('discount.kind')}>
          {KINDS.map((k) => (
            <button key={k} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`discount.${k}`)}
            </button>
          ))}
        </div>
        <label className="field">
          {t(kind === 'PERCENT' ? 'discount.percentValue' : 'discount.amountValue')}
          <input
            className="input input-money"
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {kind === 'PERCENT' && text.trim() !== '' && value === null ? (
          <p className="danger-text small">{t('discount.badPercent')}</p>
        ) : null}
        <ReasonField value={reason} onChange={setReason} />
      </div>
    </Modal>
  );
}
