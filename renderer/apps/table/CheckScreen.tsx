// The bill as the hub computes it (the same rules as the waiter's check): what was sent to the kitchen,
// service charge and discounts, VAT included, paid and still due; and the button to ask for it.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { Button } from '../../shared/ui/Button.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { RoundCard } from './RoundCard.js';
import { useRuntime } from './runtime-context.js';

export function CheckScreen() {
  const runtime = useRuntime();
  const session = useStore(runtime.store, (s) => s.session);
  const { t, money } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  if (!session) return null;
  const { check } = session;
  const rounds = session.rounds.filter((r) => r.items.length > 0);
  const requested = session.session.status !== 'OPEN';
  const tax = check.taxes.reduce((s, x) => s + x.taxCents, 0);

  const ask = async () => {
    setBusy(true);
    const r = await runtime.command('RequestCheck', { sessionId: session.session.id });
    setBusy(false);
    if (r.status === 'refused' && r.outcome && !r.outcome.ok)
      toast(t('error.refused', { message: r.outcome.error.message }), 'danger');
    else toast(r.status === 'queued' ? t('cart.queued') : t('check.requested'), 'ok');
  };

  return (
    <div className="t-page">
      <h1 className="t-page-title">{t('check.title')}</h1>
      {rounds.length === 0 ? <p className="muted card card-pad">{t('check.empty')}</p> : null}
      <div className="stack">
        {rounds.map((r) => (
          <RoundCard key={r.id} round={r} />
        ))}
      </div>
      <dl className="t-totals card card-pad" aria-label={t('check.title')}>
        <div>
          <dt>{t('check.subtotal')}</dt>
          <dd>{money(check.subtotalCents)}</dd>
        </div>
        {check.discountCents > 0 ? (
          <div>
            <dt>{t('check.discount')}</dt>
            <dd>−{money(check.discountCents)}</dd>
          </div>
        ) : null}
        {check.serviceChargeCents > 0 ? (
          <div>
            <dt>{t('check.service')}</dt>
            <dd>{money(check.serviceChargeCents)}</dd>
          </div>
        ) : null}
        <div className="t-total-row">
          <dt>{t('check.total')}</dt>
          <dd data-testid="check-total">{money(check.totalCents)}</dd>
        </div>
        <p className="muted t-small">{t('check.taxes', { amount: money(tax) })}</p>
        {check.paidCents > 0 ? (
          <>
            <div>
              <dt>{t('check.paid')}</dt>
              <dd>{money(check.paidCents)}</dd>
            </div>
            <div className="t-total-row">
              <dt>{t('check.due')}</dt>
              <dd>{money(check.dueCents)}</dd>
            </div>
          </>
        ) : null}
        {session.diners.length > 1 && check.totalCents > 0 ? (
          <p className="muted t-small">
            {t('check.perDiner')}: ≈ {money(Math.ceil(check.totalCents / session.diners.length))}
          </p>
        ) : null}
      </dl>
      {requested ? (
        <p className="t-note t-note-ok" role="status">
          {t('check.requested')}
        </p>
      ) : (
        <Button
          variant="primary"
          size="lg"
          block
          disabled={busy || check.totalCents === 0}
          onClick={() => void ask()}
        >
          {t('check.request')}
        </Button>
      )}
      <div className="t-bottom-space" />
    </div>
  );
}
