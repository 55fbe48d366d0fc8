// Refunding a payment, whole or in part (a manager's RefundPayment): offers what is still refundable and
// refuses more, as the hub would.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { ConfirmModal } from '../../shared/ui/ConfirmModal.js';
import { MoneyField } from './MoneyField.js';
import { centsToInput, parseMoneyInput } from './check-math.js';
import type { PaymentView } from './hub-types.js';
import { refundableCents } from './manager-math.js';
import { ReasonField, reasonOk } from './ReasonField.js';

export function RefundDialog(props: {
  payment: PaymentView;
  onClose: () => void;
  onRefund: (r: { amountCents: number; reason: string }) => void;
}) {
  const { t, money, lang } = useI18n();
  const limit = refundableCents(props.payment);
  const [amount, setAmount] = useState(centsToInput(limit, lang));
  const [reason, setReason] = useState('');
  const amountCents = parseMoneyInput(amount);
  const tooMuch = amountCents !== null && amountCents > limit;
  const valid = amountCents !== null && amountCents > 0 && !tooMuch && reasonOk(reason);
  const refund = () => {
    if (valid && amountCents !== null) props.onRefund({ amountCents, reason: reason.trim() });
  };

  return (
    <ConfirmModal
      title={t('refund.title', { amount: money(props.payment.amountCents) })}
      onClose={props.onClose}
      onConfirm={refund}
      confirmLabel={t('refund.submit', { amount: money(amountCents ?? 0) })}
      variant="danger"
      disabled={!valid}
    >
      <div className="stack">
        <MoneyField label={t('refund.amount')} value={amount} onChange={setAmount} />
        {tooMuch ? (
          <p className="danger-text small">{t('refund.tooMuch', { amount: money(limit) })}</p>
        ) : null}
        <ReasonField value={reason} onChange={setReason} />
      </div>
    </ConfirmModal>
  );
}
