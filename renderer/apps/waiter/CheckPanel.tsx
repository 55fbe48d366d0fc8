// The table's check: every line, totals with tax, the split and what each share still owes, payments
// taken, and closing the table once everything is paid. Managers also give and take off discounts
// (until the first payment freezes the check) and refund payments.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { shareStatuses, shareTitle, tipsOf } from './check-math.js';
import { DiscountDialog, type DiscountInput } from './DiscountDialog.js';
import { DiscountList } from './DiscountList.js';
import type { DiscountView, PaymentView, SessionDetail } from './hub-types.js';
import { checkEditable, useCanManage } from './manager-access.js';
import { discountText } from './manager-math.js';
import { PaymentDialog, type CardTerminalAccess, type PaymentInput } from './PaymentDialog.js';
import { PaymentList } from './PaymentList.js';
import { RefundDialog } from './RefundDialog.js';
import { useCommand, useRuntime, useWaiter } from './runtime-context.js';
import { SplitEditor } from './SplitEditor.js';
import { CheckIcon } from './icons.js';

export function CheckPanel(props: { detail: SessionDetail; tableLabel: string; onClosed: () => void }) {
  const { t, money, lang } = useI18n();
  const run = useCommand();
  const runtime = useRuntime();
  const toast = useToast();
  const cardTerminal = useWaiter((s) => s.cardTerminal);
  const manager = useCanManage();
  const { detail, tableLabel } = props;
  const { check } = detail;
  const sessionId = detail.session.id;
  const [paying, setPaying] = useState<{ shareKey: string | null; title: string; due: number } | null>(null);
  const [splitting, setSplitting] = useState(false);
  const [discounting, setDiscounting] = useState(false);
  const [refunding, setRefunding] = useState<PaymentView | null>(null);
  const editable = checkEditable(detail.session.status);
  const discounts = detail.discounts ?? [];
  const split = detail.split && detail.split.mode !== 'NONE' && !detail.split.stale ? detail.split : null;
  const shares = shareStatuses(split, detail.payments);
  const lines = check.lines.filter((l) => l.status !== 'VOIDED');
  const tips = tipsOf(detail.payments);
  const closable = detail.dueCents === 0 && check.totalCents > 0;

  const pay = async (p: PaymentInput) => {
    const target = paying;
    setPaying(null);
    await run(
      'RecordPayment',
      { sessionId, shareKey: target?.shareKey ?? null, ...p },
      t('label.pay', { amount: money(p.amountCents), table: tableLabel }),
      { done: t('pay.done') },
    );
  };
  // A card charged on the hub's terminal is recorded by the hub itself: no command to queue here.
  const card = (shareKey: string | null): CardTerminalAccess => ({
    terminal: cardTerminal,
    charge: (commandId, amounts) => runtime.chargeCard(commandId, { sessionId, shareKey, ...amounts }),
    onCharged: (r) => {
      setPaying(null);
      toast(t('card.done', { code: r.approvalCode, last4: r.last4 }), 'ok');
    },
  });
  const applySplit = async (splitMode: Record<string, unknown>) => {
    setSplitting(false);
    await run('SplitCheck', { sessionId, split: splitMode }, t('label.split', { table: tableLabel }));
  };
  const discount = async (d: DiscountInput) => {
    setDiscounting(false);
    const value = discountText(d, money, lang);
    await run('ApplyDiscount', { sessionId, ...d }, t('label.discount', { value, table: tableLabel }), {
      done: t('discount.done'),
    });
  };
  const removeDiscount = async (d: DiscountView) => {
    const value = discountText(d, money, lang);
    await run(
      'RemoveDiscount',
      { sessionId, discountId: d.id },
      t('label.removeDiscount', { value, table: tableLabel }),
    );
  };
  const refund = async (r: { amountCents: number; reason: string }) => {
    const target = refunding;
    setRefunding(null);
    if (!target) return;
    await run(
      'RefundPayment',
      { paymentId: target.id, ...r },
      t('label.refund', { amount: money(r.amountCents), table: tableLabel }),
      { done: t('refund.done') },
    );
  };
  const close = async () => {
    const result = await run('CloseSession', { sessionId }, t('label.close', { table: tableLabel }), {
      done: t('check.closed', { table: tableLabel }),
    });
    if (result.status !== 'refused') props.onClosed();
  };

  if (lines.length === 0) return <p className="empty">{t('check.empty')}</p>;

  return (
    <div className="check-panel stack">
      <section className="card check-card">
        <ul className="check-lines">
          {lines.map((l) => (
            <li key={l.itemId}>
              <span className="qty">{l.qty}×</span>
              <span className="grow">{l.name}</span>
              <span className="num">{money(l.grossCents)}</span>
            </li>
          ))}
        </ul>
        <dl className="totals">
          <div>
            <dt>{t('check.subtotal')}</dt>
            <dd>{money(check.subtotalCents)}</dd>
          </div>
          {check.discountCents ? (
            <div>
              <dt>{t('check.discount')}</dt>
              <dd>−{money(check.discountCents)}</dd>
            </div>
          ) : null}
          {check.serviceChargeCents ? (
            <div>
              <dt>{t('check.service')}</dt>
              <dd>{money(check.serviceChargeCents)}</dd>
            </div>
          ) : null}
          {check.taxes.map((x) => (
            <div key={x.rateBp} className="muted small">
              <dt>{t('check.tax', { rate: x.rateBp / 100 })}</dt>
              <dd>{money(x.taxCents)}</dd>
            </div>
          ))}
          <div className="total-row">
            <dt>{t('check.total')}</dt>
            <dd data-total>{money(check.totalCents)}</dd>
          </div>
          {detail.paidCents ? (
            <div>
              <dt>{t('check.paid')}</dt>
              <dd>{money(detail.paidCents)}</dd>
            </div>
          ) : null}
          {tips ? (
            <div className="muted">
              <dt>{t('check.tips')}</dt>
              <dd>{money(tips)}</dd>
            </div>
          ) : null}
          <div className={detail.dueCents ? 'due-row' : 'due-row settled'}>
            <dt>{t('check.due')}</dt>
            <dd data-due>{money(detail.dueCents)}</dd>
          </div>
        </dl>
      </section>

      {detail.split?.stale ? <p className="warn-text small">{t('split.stale')}</p> : null}

      {split ? (
        <section className="stack">
          <h3 className="panel-title">{t('split.shares')}</h3>
          <ul className="shares">
            {shares.map(({ share, paidCents, dueCents }) => (
              <li key={share.key} className={dueCents === 0 ? 'share paid' : 'share'} data-share={share.key}>
                <span className="grow">
                  <strong>{shareTitle(share, t)}</strong>
                  <span className="muted small">
                    {' '}
                    {money(share.amountCents)}
                    {paidCents && dueCents ? ` · ${t('check.paid')} ${money(paidCents)}` : ''}
                  </span>
                </span>
                {dueCents === 0 ? (
                  <span className="badge badge-ok">
                    <CheckIcon /> {t('split.paidShare')}
                  </span>
                ) : (
                  <Button
                    variant="primary"
                    onClick={() =>
                      setPaying({ shareKey: share.key, title: shareTitle(share, t), due: dueCents })
                    }
                  >
                    {t('check.pay', { amount: money(dueCents) })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {splitting ? (
        <section className="card card-pad">
          <SplitEditor
            lines={lines}
            guests={detail.session.guests}
            current={detail.split?.mode ?? null}
            onApply={(s) => void applySplit(s)}
          />
        </section>
      ) : null}

      <div className="check-actions">
        {!splitting && detail.dueCents > 0 && detail.payments.length === 0 ? (
          <Button onClick={() => setSplitting(true)}>✂ {t('check.split')}</Button>
        ) : null}
        {manager && editable ? (
          <Button onClick={() => setDiscounting(true)}>% {t('discount.action')}</Button>
        ) : null}
        {!split && detail.dueCents > 0 ? (
          <Button
            variant="primary"
            size="lg"
            className="grow"
            onClick={() => setPaying({ shareKey: null, title: t('pay.title'), due: detail.dueCents })}
          >
            {t('check.pay', { amount: money(detail.dueCents) })}
          </Button>
        ) : null}
        {closable ? (
          <Button variant="primary" size="lg" className="grow" onClick={() => void close()}>
            {t('check.close')}
          </Button>
        ) : null}
      </div>

      <DiscountList
        discounts={discounts}
        canRemove={manager && editable}
        onRemove={(d) => void removeDiscount(d)}
      />

      <PaymentList payments={detail.payments} split={!!split} canRefund={manager} onRefund={setRefunding} />

      {paying ? (
        <PaymentDialog
          title={paying.title}
          dueCents={paying.due}
          onClose={() => setPaying(null)}
          onPay={(p) => void pay(p)}
          card={card(paying.shareKey)}
        />
      ) : null}
      {discounting ? (
        <DiscountDialog
          tableLabel={tableLabel}
          onClose={() => setDiscounting(false)}
          onApply={(d) => void discount(d)}
        />
      ) : null}
      {refunding ? (
        <RefundDialog
          payment={refunding}
          onClose={() => setRefunding(null)}
          onRefund={(r) => void refund(r)}
        />
      ) : null}
    </div>
  );
}
