// Taking a payment for the whole check or one share: cash (with the change to give back), card or other;
// a tip on top. A card is charged on the hub's own terminal when the hub has one ("Cobrar en el
// terminal", one attempt = one command id, resent as is when nothing answered); otherwise the approval
// code and last four digits are typed from a standalone terminal's slip.
import { useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { newCommandId } from '../../shared/ids.js';
import { Button } from '../../shared/ui/Button.js';
import { Modal } from '../../shared/ui/Modal.js';
import { CardChargeStatus, retryable } from './CardChargeStatus.js';
import type { CardChargeOutcome, CardPaymentResult, CardTerminalStatus } from './card-terminal.js';
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

/** The hub's card terminal, for the dialog: without one (or `available: false`) cards come from a slip. */
export interface CardTerminalAccess {
  terminal: CardTerminalStatus | null;
  /** Charges this share or check; the hub never charges one command id twice. */
  charge: (
    commandId: string,
    amounts: { amountCents: number; tipCents: number },
  ) => Promise<CardChargeOutcome>;
  onCharged: (result: CardPaymentResult) => void;
}

/** One tap on "charge on the terminal": its command id and exactly what it asked for, for a resend. */
interface Attempt {
  commandId: string;
  amountCents: number;
  tipCents: number;
}

const METHODS: readonly PaymentMethod[] = ['CASH', 'CARD', 'OTHER'];

export function PaymentDialog(props: {
  title: string;
  dueCents: number;
  onClose: () => void;
  onPay: (p: PaymentInput) => void;
  card?: CardTerminalAccess;
}) {
  const { t, money, lang } = useI18n();
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [amount, setAmount] = useState(centsToInput(props.dueCents, lang));
  const [tip, setTip] = useState('');
  const [tendered, setTendered] = useState<number | null>(null);
  const [approval, setApproval] = useState('');
  const [last4, setLast4] = useState('');
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [charging, setCharging] = useState(false);
  const [outcome, setOutcome] = useState<CardChargeOutcome | null>(null);
  // A double tap lands before React re-renders the button disabled: it must not start a second charge.
  const inFlight = useRef(false);

  const amountCents = parseMoneyInput(amount);
  const tipCents = tip.trim() === '' ? 0 : parseMoneyInput(tip);
  const owed = (amountCents ?? 0) + (tipCents ?? 0);
  const change = tendered === null ? null : changeCents(tendered, amountCents ?? 0, tipCents ?? 0);
  const tooMuch = amountCents !== null && amountCents > props.dueCents;
  const terminal = props.card?.terminal?.available ? props.card.terminal : null;
  const onTerminal = method === 'CARD' && terminal !== null;
  const cardOk =
    method !== 'CARD' || onTerminal || (/^[A-Za-z0-9]{1,12}$/.test(approval) && /^\d{4}$/.test(last4));
  const cashOk = method !== 'CASH' || tendered === null || (change ?? 0) >= 0;
  const valid = amountCents !== null && amountCents > 0 && tipCents !== null && !tooMuch && cardOk && cashOk;
  // While a charge is on its way, unanswered, or done, what it asked for stays as it was: a resend must
  // ask for the same (the hub refuses a command id reused for another amount).
  const resend = outcome !== null && retryable(outcome) && attempt !== null;
  const locked = charging || resend || outcome?.kind === 'approved';

  const send = async (a: Attempt) => {
    const card = props.card;
    if (!card || inFlight.current) return;
    inFlight.current = true;
    setAttempt(a);
    setCharging(true);
    setOutcome(null);
    let o: CardChargeOutcome;
    try {
      o = await card.charge(a.commandId, { amountCents: a.amountCents, tipCents: a.tipCents });
    } catch {
      // Nothing we understood came back: as after no answer, the same attempt can be sent again.
      o = { kind: 'unreachable' };
    }
    inFlight.current = false;
    setCharging(false);
    setOutcome(o);
    if (o.kind === 'approved') card.onCharged(o.result);
  };

  const close = () => {
    // The diner has the card at the terminal: the answer is on its way (or times out into a retry).
    if (!charging) props.onClose();
  };

  const pay = () => {
    if (onTerminal) {
      if (inFlight.current || charging || outcome?.kind === 'approved') return;
      if (resend && attempt) return void send(attempt);
      if (!valid || amountCents === null || tipCents === null) return;
      // A new attempt (the first, or after a decline or a refusal): a new command id.
      return void send({ commandId: newCommandId(), amountCents, tipCents });
    }
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

  let confirmLabel = t('pay.submit', { amount: money(owed) });
  let confirmDisabled = !valid;
  if (onTerminal) {
    const asked = attempt ? attempt.amountCents + attempt.tipCents : owed;
    confirmLabel = charging
      ? t('card.waiting')
      : resend
        ? t('card.retry')
        : t('card.charge', { amount: money(outcome?.kind === 'approved' ? asked : owed) });
    confirmDisabled = charging || outcome?.kind === 'approved' || (!resend && !valid);
  }

  return (
    <Modal
      title={props.title}
      onClose={close}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={charging}>
            {t('cancel')}
          </Button>
          <Button variant="primary" size="lg" disabled={confirmDisabled} onClick={pay}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="stack payment-dialog">
        <div className="seg seg-lg seg-fill" role="group" aria-label={t('pay.method')}>
          {METHODS.map((m) => (
            <button key={m} aria-pressed={method === m} disabled={locked} onClick={() => setMethod(m)}>
              {t(`pay.${m}`)}
            </button>
          ))}
        </div>
        <div className="grid-2">
          <MoneyField label={t('pay.amount')} value={amount} onChange={setAmount} disabled={locked} />
          <MoneyField label={t('pay.tip')} placeholder="0" value={tip} onChange={setTip} disabled={locked} />
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
        {onTerminal && terminal ? (
          <div className="stack">
            {terminal.kind === 'virtual' ? (
              <p className="badge badge-warn card-virtual" role="note">
                {t('card.virtual')}
              </p>
            ) : null}
            {charging ? (
              <CardChargeStatus waiting />
            ) : outcome ? (
              <CardChargeStatus outcome={outcome} />
            ) : (
              <p className="muted small">{t('card.hint')}</p>
            )}
          </div>
        ) : null}
        {method === 'CARD' && !onTerminal ? (
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
    </Modal>
  );
}
