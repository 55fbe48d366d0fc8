// The table's order: the round being built (sent as one PlaceRound), rounds waiting in the offline queue
// (marked "pending"), and the hub's rounds with their live state, held courses to fire and dishes to serve.
import { localized, useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import {
  cartCourses,
  cartTotal,
  changeQty,
  EMPTY_CART,
  lineTotal,
  placeRoundItems,
  toggleHold,
  type Cart,
} from './cart.js';
import type { Course, MenuView, SessionDetail } from './hub-types.js';
import { pendingRoundsOf, returnToCart, type PendingRound } from './pending-rounds.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { RoundCard } from './RoundCard.js';
import { useCommand, usePending, useRuntime } from './runtime-context.js';
import { ClockIcon, FlameIcon, PauseIcon } from './icons.js';
import { checkEditable, useCanManage } from './manager-access.js';

const COURSE_ORDER: readonly Course[] = ['drink', 'starter', 'main', 'dessert'];

let returnedKeys = 0;

export function OrderPanel(props: {
  detail: SessionDetail;
  tableLabel: string;
  menu: MenuView | null;
  cart: Cart;
  setCart: (fn: (c: Cart) => Cart) => void;
}) {
  const { t, lang, money } = useI18n();
  const run = useCommand();
  const rt = useRuntime();
  const pending = usePending();
  const toast = useToast();
  const { detail, cart, setCart, tableLabel } = props;
  const sessionId = detail.session.id;
  const queuedRounds = pendingRoundsOf(pending, sessionId);
  const voidable = useCanManage() && checkEditable(detail.session.status);
  const productName = (id: string) => {
    for (const c of props.menu?.categories ?? []) {
      const p = c.products.find((x) => x.id === id);
      if (p) return localized(p.name, lang);
    }
    return id;
  };
  const heldCourses = COURSE_ORDER.filter((c) =>
    detail.rounds.some((r) => r.items.some((i) => i.status === 'HELD' && i.course === c)),
  );
  const rounds = [...detail.rounds].filter((r) => r.status !== 'PENDING' || r.items.length > 0).reverse();
  const open = ['OPEN', 'CHECK_REQUESTED'].includes(detail.session.status);

  const send = async () => {
    const items = cart.lines.map((l) => `${l.qty}× ${localized(l.name, lang)}`).join(', ');
    const sent = cart;
    // The cart empties at once: the round now lives in the queue (shown below as pending) or at the hub.
    setCart(() => EMPTY_CART);
    const result = await run(
      'PlaceRound',
      {
        sessionId,
        items: placeRoundItems(sent),
        holdCourses: sent.holdCourses.filter((c) => cartCourses(sent).includes(c)),
      },
      t('label.round', { table: tableLabel, items }),
      { done: t('cart.sent'), queued: t('cart.queued') },
    );
    if (result.status === 'refused') {
      // Refused (a dish ran out meanwhile…): give the lines back so nothing has to be typed again.
      setCart(() => sent);
      await rt.dismiss(result.commandId);
    }
  };

  // A round the hub refused after it waited in the queue: its lines go back into the order to be fixed.
  const backToOrder = async (r: PendingRound) => {
    if (!props.menu) return;
    const { cart: next, missing } = returnToCart(
      cart,
      r.lines,
      props.menu,
      lang,
      () => `r${Date.now()}-${(returnedKeys += 1)}`,
    );
    setCart(() => next);
    // Those cannot be ordered again; the waiter has to tell the table, so the toast names them.
    if (missing.length > 0)
      toast(t('rounds.notOnMenu', { items: missing.map(productName).join(', ') }), 'danger');
    await rt.dismiss(r.commandId);
  };

  return (
    <div className="order-panel">
      {open ? (
        <section className="cart card" aria-label={t('cart.title')}>
          <h2 className="panel-title">{t('cart.title')}</h2>
          {cart.lines.length === 0 ? (
            <p className="muted cart-empty">{t('cart.empty')}</p>
          ) : (
            <>
              <ul className="lines">
                {cart.lines.map((l) => (
                  <li key={l.key} className="line">
                    <div className="line-qty stepper stepper-sm">
                      <button
                        className="btn btn-sm"
                        aria-label={t('cart.less')}
                        onClick={() => setCart((c) => changeQty(c, l.key, -1))}
                      >
                        −
                      </button>
                      <output className="stepper-value">{l.qty}</output>
                      <button
                        className="btn btn-sm"
                        aria-label={t('cart.more')}
                        onClick={() => setCart((c) => changeQty(c, l.key, 1))}
                      >
                        +
                      </button>
                    </div>
                    <div className="line-main">
                      <span className="line-name">{localized(l.name, lang)}</span>
                      <span className="line-sub">
                        {[
                          ...l.modifiers.map((m) => m.name),
                          l.seat ? t('cart.seat', { n: l.seat }) : null,
                          t(`course.${l.course}`),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                      {l.notes ? <span className="line-note">✎ {l.notes}</span> : null}
                    </div>
                    <span className="line-price">{money(lineTotal(l))}</span>
                  </li>
                ))}
              </ul>
              {cartCourses(cart).length > 1 ? (
                <div className="hold-row">
                  <span className="muted small">{t('cart.hold')}:</span>
                  {cartCourses(cart)
                    .slice(1)
                    .map((c) => (
                      <button
                        key={c}
                        className="chip"
                        aria-pressed={cart.holdCourses.includes(c)}
                        onClick={() => setCart((x) => toggleHold(x, c))}
                      >
                        <PauseIcon /> {t(`course.${c}`)}
                      </button>
                    ))}
                </div>
              ) : null}
              <Button variant="primary" size="lg" block onClick={() => void send()}>
                {t('cart.send', { total: money(cartTotal(cart)) })}
              </Button>
            </>
          )}
        </section>
      ) : null}

      {queuedRounds.map((r) => (
        <section
          key={r.commandId}
          className="round-card pending-round"
          data-pending-round
          data-state={r.state}
          data-attempts={r.attempts}
        >
          <header className="round-head">
            <strong>{t('rounds.pending')}</strong>
            <span className={r.state === 'failed' ? 'badge badge-danger' : 'badge badge-warn'}>
              {r.state === 'failed' ? (
                t('pending.failed')
              ) : (
                <>
                  <ClockIcon /> {t('pendingTag')}
                </>
              )}
            </span>
          </header>
          {r.error ? (
            <p className="danger-text small">{t('rounds.failed', { reason: r.error.message })}</p>
          ) : null}
          {r.state === 'failed' && open && props.menu ? (
            <Button size="sm" onClick={() => void backToOrder(r)} data-back-to-order>
              {t('rounds.backToOrder')}
            </Button>
          ) : null}
          <ul className="round-items">
            {r.lines.map((l, i) => (
              <li key={i} className="round-item">
                <span className="qty">{l.qty}×</span>
                <span className="grow">
                  {productName(l.productId)}
                  {l.notes ? <span className="line-note"> ✎ {l.notes}</span> : null}
                </span>
                <span className="badge badge-warn">{t('pendingTag')}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}

      {heldCourses.length > 0 && open ? (
        <div className="fire-row">
          {heldCourses.map((c) => (
            <Button
              key={c}
              variant="primary"
              onClick={() =>
                void run(
                  'FireCourse',
                  { sessionId, course: c },
                  t('label.fire', { course: t(`course.${c}`), table: tableLabel }),
                )
              }
            >
              <FlameIcon /> {t('rounds.fire', { course: t(`course.${c}`) })}
            </Button>
          ))}
        </div>
      ) : null}

      <h2 className="panel-title">{t('rounds.title')}</h2>
      {rounds.length === 0 && queuedRounds.length === 0 ? <p className="muted">{t('rounds.none')}</p> : null}
      {rounds.map((r) => (
        <RoundCard key={r.id} round={r} tableLabel={tableLabel} voidable={voidable} />
      ))}
    </div>
  );
}
