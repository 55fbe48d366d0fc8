// Taking a payment for the whole check or one share: cash (with the change to give back), card (with
// the approval code and last four digits from the terminal's slip) or other; a tip on top.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { ConfirmModal } from '../../shared/ui/ConfirmModal.js';
import { MoneyField } from './MoneyField.js';
import { centsToInput, changeCents, parseMoneyInput, quickTendered } from './check-math.js';
import type { PaymentMethod } from './hub-types.js';

export interface PaymentInput {
  method: PaymentMethod;
  amountCents: number;
  tipCents: number;
  tenderedCents: number | null;
  approvalCode: string | null;
  last4: string | null;
}

const METHODS: readonly PaymentMethod[] = ['CASH', 'CARD', 'OTHER'];

export function PaymentDialog(props: {
  title: string;
  dueCents: number;
  onClose: () => void;
  onPay: (p: PaymentInput) => void;
}) {
  const { t, money, lang } = useI18n();
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [amount, setAmount] = useState(centsToInput(props.dueCents, lang));
  const [tip, setTip] = useState('');
  const [tendered, setTendered] = useState<number | null>(null);
  const [approval, setApproval] = useState('');
  const [last4, setLast4] = useState('');

  const amountCents = parseMoneyInput(amount);
  const tipCents = tip.trim() === '' ? 0 : parseMoneyInput(tip);
  const owed = (amountCents ?? 0) + (tipCents ?? 0);
  const change = tendered === null ? null : changeCents(tendered, amountCents ?? 0, tipCents ?? 0);
  const tooMuch = amountCents !== null && amountCents > props.dueCents;
  const cardOk = method !== 'CARD' || (/^[A-Za-z0-9]{1,12}$/.test(approval) && /^\d{4}$/.test(last4));
  const cashOk = method !== 'CASH' || tendered === null || (change ?? 0) >= 0;
  const valid = amountCents !== null && amountCents > 0 && tipCents !== null && !tooMuch && cardOk && cashOk;

  const pay = () => {
    if (!valid || amountCents === null || tipCents === null) return;
    props.onPay({
      method,
      amountCents,
      tipCents,
      tenderedCents: method === 'CASH' ? (tendered ?? owed) : null,
      approvalCode: method === 'CARD' ? approval : null,
      last4: method === 'CARD' ? last4 : null,
    });
  };

  return (
    <ConfirmModal
      title={props.title}
      onClose={props.onClose}
      onConfirm={pay}
      confirmLabel={t('pay.submit', { amount: money(owed) })}
      size="lg"
      disabled={!valid}
    >
      <div className="stack payment-dialog">
        <div className="seg seg-lg seg-fill" role="group" aria-label={t('pay.method')}>
          {METHODS.map((m) => (
            <button key={m} aria-pressed={method === m} onClick={() => setMethod(m)}>
              {t(`pay.${m}`)}
            </button>
          ))}
        </div>
        <div className="grid-2">
          <MoneyField label={t('pay.amount')} value={amount} onChange={setAmount} />
          <MoneyField label={t('pay.tip')} placeholder="0" value={tip} onChange={setTip} />
        </div>
        {tooMuch ? (
          <p className="danger-text small">{t('pay.tooMuch', { amount: money(props.dueCents) })}</p>
        ) : null}
        {method === 'CASH' ? (
          <div className="stack">
            <span className="field-label">{t('pay.tendered')}</span>
            <div className="chips">
              {quickTendered(owed).map((c, i) => (
                <button
                  key={c}
                  className="chip chip-lg"
                  aria-pressed={tendered === c}
                  onClick={() => setTendered(c)}
                >
                  {i === 0 ? `${t('pay.exact')} · ` : ''}
                  {money(c)}
                </button>
              ))}
            </div>
            {change !== null ? (
              <div className={change >= 0 ? 'change-box' : 'change-box short'} aria-live="polite">
                {change >= 0 ? (
                  <>
                    <span>{t('pay.change')}</span>
                    <strong>{money(change)}</strong>
                  </>
                ) : (
                  <strong>{t('pay.short', { amount: money(-change) })}</strong>
                )}
              </div>
            ) : null}
          </div>
        ) : null}
        {method === 'CARD' ? (
          <div className="stack">
            <div className="grid-2">
              <label className="field">
                {t('pay.approval')}
                <input
                  className="input"
                  maxLength={12}
                  autoCapitalize="characters"
                  value={approval}
                  onChange={(e) => setApproval(e.target.value.trim())}
                />
              </label>
              <label className="field">
                {t('pay.last4')}
                <input
                  className="input"
                  inputMode="numeric"
                  maxLength={4}
                  value={last4}
                  onChange={(e) => setLast4(e.target.value.replace(/\D/g, ''))}
                />
              </label>
            </div>
            <p className="muted small">{t('pay.cardHint')}</p>
          </div>
        ) : null}
      </div>
    </ConfirmModal>
  );
}
