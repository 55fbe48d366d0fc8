// Giving the table a discount (a manager's ApplyDiscount): a percentage or an amount in the currency,
// typed as on the payment dialog and sent as basis points or integer cents, and the reason for it.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { ConfirmModal } from '../../shared/ui/ConfirmModal.js';
import { MoneyField } from './MoneyField.js';
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
    <ConfirmModal
      title={t('discount.title', { table: props.tableLabel })}
      onClose={props.onClose}
      onConfirm={apply}
      confirmLabel={t('discount.submit')}
      disabled={!valid}
    >
      <div className="stack">
        <div className="seg seg-fill" role="group" aria-label={t('discount.kind')}>
          {KINDS.map((k) => (
            <button key={k} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`discount.${k}`)}
            </button>
          ))}
        </div>
        <MoneyField
          label={t(kind === 'PERCENT' ? 'discount.percentValue' : 'discount.amountValue')}
          value={text}
          onChange={setText}
        />
        {kind === 'PERCENT' && text.trim() !== '' && value === null ? (
          <p className="danger-text small">{t('discount.badPercent')}</p>
        ) : null}
        <ReasonField value={reason} onChange={setReason} />
      </div>
    </ConfirmModal>
  );
}
