// The table's shared order (its PENDING round): every phone at the table sees the same lines live, each
// with who added it; a diner changes or removes their own lines; anyone sends the round — straight to
// the kitchen, or to the waiter first when the restaurant asks for that.
import { useState } from 'react';
import type { DinerLine } from '../../../protocol/diner-api.js';
import { localized, useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { Button } from '../../shared/ui/Button.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { LineAuthor } from './LineAuthor.js';
import { RoundCard } from './RoundCard.js';
import { useRuntime } from './runtime-context.js';
import { Icon } from './icons.js';

export function CartScreen(props: { onMenu: () => void }) {
  const runtime = useRuntime();
  const session = useStore(runtime.store, (s) => s.session);
  const { t, lang, money } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  if (!session) return null;
  const cart = session.cart;
  const confirmFirst = session.settings.dinerRoundsNeedConfirmation;
  const recent = session.rounds
    .filter((r) => r.status === 'SUBMITTED' || r.status === 'IN_KITCHEN')
    .slice(-2);

  const run = async (key: string, type: string, payload: Record<string, unknown>, ok?: string) => {
    setBusy(key);
    const r = await runtime.command(type, payload);
    setBusy(null);
    if (r.status === 'refused' && r.outcome && !r.outcome.ok)
      toast(t('error.refused', { message: r.outcome.error.message }), 'danger');
    else if (r.status === 'queued') toast(t('cart.queued'));
    else if (ok) toast(ok, 'ok');
  };
  const setQty = (line: DinerLine, qty: number) =>
    qty < 1
      ? run(line.id, 'RemoveItem', { itemId: line.id })
      : run(line.id, 'UpdateItem', { itemId: line.id, qty });

  return (
    <div className="t-page">
      <h1 className="t-page-title">{t('cart.title')}</h1>
      <p className="muted t-small t-shared-note">
        <Icon name="users" size={16} className="t-inline-icon" />
        {t('cart.shared')}
        {session.diners.length > 1
          ? ' ' + t('diners.at', { names: session.diners.map((d) => d.name ?? `#${d.seat}`).join(', ') })
          : ''}
      </p>
      {!cart || cart.items.length === 0 ? (
        <div className="t-empty card card-pad">
          <div className="t-hero-icon">
            <Icon name="cart" size={40} />
          </div>
          <p>{t('cart.empty')}</p>
          <Button variant="primary" onClick={props.onMenu}>
            {t('cart.toMenu')}
          </Button>
        </div>
      ) : (
        <>
          <ul className="t-lines card" aria-label={t('cart.title')}>
            {cart.items.map((line) => (
              <li key={line.id} className="t-line" data-line={line.productId}>
                <div className="t-line-main">
                  <span className="t-line-name">{localized(line.name, lang)}</span>
                  {line.modifiers.length > 0 ? (
                    <span className="t-line-mods">{line.modifiers.map((m) => m.name).join(' · ')}</span>
                  ) : null}
                  {line.notes ? <span className="t-line-mods">“{line.notes}”</span> : null}
                  <LineAuthor line={line} />
                </div>
                <div className="t-line-side">
                  <span className="t-line-price">{money(line.lineTotalCents)}</span>
                  {line.mine ? (
                    <div className="t-stepper t-stepper-sm" role="group">
                      <button
                        disabled={busy === line.id}
                        onClick={() => void setQty(line, line.qty - 1)}
                        aria-label={line.qty === 1 ? t('cart.remove') : t('cart.less')}
                      >
                        {line.qty === 1 ? <Icon name="trash" size={18} /> : '−'}
                      </button>
                      <span>{line.qty}</span>
                      <button
                        disabled={busy === line.id || line.qty >= 99}
                        onClick={() => void setQty(line, line.qty + 1)}
                        aria-label={t('cart.more')}
                      >
                        +
                      </button>
                    </div>
                  ) : (
                    <span className="t-line-qty">×{line.qty}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <div className="t-cart-total">
            <span>{t('cart.total')}</span>
            <strong>{money(cart.totalCents)}</strong>
          </div>
          <Button
            variant="primary"
            size="lg"
            block
            disabled={busy === 'submit'}
            onClick={() =>
              void run(
                'submit',
                'SubmitRound',
                { roundId: cart.id },
                confirmFirst ? t('cart.sentConfirm') : t('cart.sent'),
              )
            }
          >
            {confirmFirst ? t('cart.sendConfirm') : t('cart.send')}
          </Button>
          <p className="muted t-small t-center-text">
            {confirmFirst ? t('cart.sendHintConfirm') : t('cart.sendHint')}
          </p>
        </>
      )}
      {recent.length > 0 ? (
        <div className="stack t-recent">
          {recent.map((r) => (
            <RoundCard key={r.id} round={r} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
