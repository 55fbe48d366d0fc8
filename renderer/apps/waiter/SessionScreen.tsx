// One table: its header (number, guests, state, table actions), open service calls, the menu, and a side
// panel with the order and the check. On a phone the three are tabs.
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { addLine } from './cart.js';
import { CallsBanner } from './CallsBanner.js';
import { CheckPanel } from './CheckPanel.js';
import { navigate } from './hash-route.js';
import type { ProductView, TableView } from './hub-types.js';
import { ItemDialog } from './ItemDialog.js';
import { MenuPanel } from './MenuPanel.js';
import { MoveDialog } from './MoveDialog.js';
import { OrderPanel } from './OrderPanel.js';
import { useCommand, useRuntime, useWaiter } from './runtime-context.js';
import { useCart } from './use-cart.js';

type Tab = 'menu' | 'order' | 'check';
let lineSeq = 0;

export function SessionScreen(props: { sessionId: string }) {
  const rt = useRuntime();
  const { t } = useI18n();
  const run = useCommand();
  const { sessionId } = props;
  const watched = useWaiter((s) => s.watched);
  const menu = useWaiter((s) => s.menu);
  const floor = useWaiter((s) => s.floor);
  const [tab, setTab] = useState<Tab>('menu');
  const [picking, setPicking] = useState<ProductView | null>(null);
  const [moving, setMoving] = useState<'transfer' | 'merge' | null>(null);
  const [cart, setCart] = useCart(sessionId);

  useEffect(() => rt.watch(sessionId), [rt, sessionId]);

  const detail = watched?.id === sessionId ? watched.detail : null;
  const table: TableView | undefined = floor?.sectors
    .flatMap((s) => s.tables)
    .find((tb) => tb.sessionId === sessionId || (detail && tb.id === detail.session.tableId));
  const tableLabel = detail?.table?.label ?? table?.label ?? '…';

  if (watched?.id === sessionId && watched.missing) {
    return (
      <div className="empty">
        <p>{t('session.closed')}</p>
        <Button onClick={() => navigate({ kind: 'floor' })}>← {t('session.back')}</Button>
      </div>
    );
  }
  if (!detail) return <div className="empty">{t('session.loading')}</div>;

  const status = detail.session.status;
  const live = status === 'OPEN' || status === 'CHECK_REQUESTED' || status === 'PAYING';
  const state = table?.sessionId === sessionId ? table.state : null;

  const move = async (target: TableView) => {
    const kind = moving;
    setMoving(null);
    if (kind === 'transfer') {
      await run(
        'TransferSession',
        { sessionId, toTableId: target.id },
        t('label.transfer', { table: tableLabel, to: target.label }),
      );
    } else if (kind === 'merge' && target.sessionId) {
      const r = await run(
        'MergeSessions',
        { fromSessionId: sessionId, intoSessionId: target.sessionId },
        t('label.merge', { table: tableLabel, to: target.label }),
      );
      if (r.status === 'done') navigate({ kind: 'session', sessionId: target.sessionId });
    }
  };

  return (
    <main className="session" data-tab={tab}>
      <div className="session-head">
        <Button variant="ghost" onClick={() => navigate({ kind: 'floor' })} aria-label={t('session.back')}>
          ← <span className="hide-phone">{t('session.back')}</span>
        </Button>
        <h1 className="session-title">{t('session.table', { table: tableLabel })}</h1>
        <span className="muted">{t('floor.guests', { n: detail.session.guests })}</span>
        {state ? <span className={`state-pill state-${state}`}>{t(`state.${state}`)}</span> : null}
        <span className="spacer" />
        {live ? (
          <div className="session-actions">
            {status === 'OPEN' && detail.rounds.length > 0 ? (
              <Button
                size="sm"
                onClick={() =>
                  void run('RequestCheck', { sessionId }, t('label.requestCheck', { table: tableLabel }))
                }
              >
                {t('session.requestCheck')}
              </Button>
            ) : null}
            <Button size="sm" onClick={() => setMoving('transfer')}>
              ⇄ {t('session.transfer')}
            </Button>
            <Button size="sm" onClick={() => setMoving('merge')}>
              ⊕ {t('session.merge')}
            </Button>
          </div>
        ) : null}
      </div>

      <CallsBanner calls={detail.serviceCalls ?? []} tableLabel={tableLabel} />

      <div className="seg seg-fill phone-tabs" role="tablist">
        {(['menu', 'order', 'check'] as const).map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            aria-pressed={tab === k}
            onClick={() => setTab(k)}
          >
            {t(k === 'menu' ? 'session.tabMenu' : k === 'order' ? 'session.tabOrder' : 'session.tabCheck')}
            {k === 'order' && cart.lines.length ? (
              <span className="count">{cart.lines.reduce((s, l) => s + l.qty, 0)}</span>
            ) : null}
          </button>
        ))}
      </div>

      <div className="session-body">
        <div className="pane pane-menu">
          {live ? (
            <MenuPanel menu={menu} onPick={setPicking} />
          ) : (
            <p className="empty">{t('session.closed')}</p>
          )}
        </div>
        <aside className="pane pane-side">
          <div className="seg seg-fill side-tabs" role="tablist">
            <button
              role="tab"
              aria-selected={tab !== 'check'}
              aria-pressed={tab !== 'check'}
              onClick={() => setTab('order')}
            >
              {t('session.tabOrder')}
              {cart.lines.length ? (
                <span className="count">{cart.lines.reduce((s, l) => s + l.qty, 0)}</span>
              ) : null}
            </button>
            <button
              role="tab"
              aria-selected={tab === 'check'}
              aria-pressed={tab === 'check'}
              onClick={() => setTab('check')}
            >
              {t('session.tabCheck')}
            </button>
          </div>
          <div className="side-scroll">
            {tab === 'check' ? (
              <CheckPanel
                detail={detail}
                tableLabel={tableLabel}
                onClosed={() => navigate({ kind: 'floor' })}
              />
            ) : (
              <OrderPanel detail={detail} tableLabel={tableLabel} menu={menu} cart={cart} setCart={setCart} />
            )}
          </div>
        </aside>
      </div>

      {picking ? (
        <ItemDialog
          product={picking}
          guests={detail.session.guests}
          onClose={() => setPicking(null)}
          onAdd={(line) => {
            setCart((c) => addLine(c, line, `l${Date.now()}-${lineSeq++}`));
            setPicking(null);
          }}
        />
      ) : null}
      {moving ? (
        <MoveDialog
          kind={moving}
          tableLabel={tableLabel}
          sessionId={sessionId}
          onClose={() => setMoving(null)}
          onPick={(tb) => void move(tb)}
        />
      ) : null}
    </main>
  );
}
