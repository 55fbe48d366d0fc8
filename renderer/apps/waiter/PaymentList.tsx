// The payments taken for the table, with what went back of each; a manager can refund what is left of
// one (RefundPayment).
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { shareTitle } from './check-math.js';
import type { PaymentView } from './hub-types.js';
import { refundableCents } from './manager-math.js';

export function PaymentList(props: {
  payments: readonly PaymentView[];
  /** Share titles only make sense while the check is split. */
  split: boolean;
  canRefund: boolean;
  onRefund: (p: PaymentView) => void;
}) {
  const { t, money } = useI18n();
  if (props.payments.length === 0) return null;
  return (
    <section>
      <h3 className="panel-title">{t('check.payments')}</h3>
      <ul className="payments">
        {props.payments.map((p) => (
          <li key={p.id} data-payment={p.id}>
            <span className="grow">
              {t(`pay.${p.method}`)}
              {p.shareKey && props.split ? (
                <span className="muted"> · {shareTitle({ key: p.shareKey, label: p.shareKey }, t)}</span>
              ) : null}
              {p.refundedCents ? (
                <span className="muted small">
                  {' '}
                  · {t('refund.refunded', { amount: money(p.refundedCents) })}
                </span>
              ) : null}
            </span>
            {p.tipCents ? <span className="muted small">+{money(p.tipCents)} </span> : null}
            <span className="num">{money(p.amountCents)}</span>
            {props.canRefund && refundableCents(p) > 0 ? (
              <Button size="sm" variant="ghost" onClick={() => props.onRefund(p)}>
                {t('refund.action')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
