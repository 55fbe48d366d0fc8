// Refunding a payment, whole or in part (a manager's RefundPayment): offers what is still refundable and
// refuses more, as the hub would.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { Modal } from '../../shared/ui/Modal.js';
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
    <Modal
      title={t('refund.title', { amount: money(props.payment.amountCents) })}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button variant="danger" disabled={!valid} onClick={refund}>
            {t('refund.submit', { amount: money(amountCents ?? 0) })}
          </Button>
        </>
      }
    >
      <div className="stack">
        <label className="field">
          {t('refund.amount')}
          <input
            className="input input-money"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        {tooMuch ? (
          <p className="danger-text small">{t('refund.tooMuch', { amount: money(limit) })}</p>
        ) : null}
        <ReasonField value={reason} onChange={setReason} />
      </div>
    </Modal>
  );
}
