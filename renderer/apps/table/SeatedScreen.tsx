// Seated at the table: a header (restaurant, table, connection, language, call the waiter), the three
// tabs — menu, the table's shared order, the bill — and a bar that leads to the order from the menu.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { CartScreen } from './CartScreen.js';
import { CheckScreen } from './CheckScreen.js';
import { MenuScreen } from './MenuScreen.js';
import { useRuntime } from './runtime-context.js';
import { Icon } from './icons.js';

export type Tab = 'menu' | 'cart' | 'check';

export function SeatedScreen() {
  const runtime = useRuntime();
  const session = useStore(runtime.store, (s) => s.session);
  const live = useStore(runtime.store, (s) => s.live);
  const { t, money } = useI18n();
  const toast = useToast();
  const [tab, setTab] = useState<Tab>('menu');
  const [calling, setCalling] = useState(false);
  const cart = session?.cart ?? null;
  const cartCount = cart?.items.reduce((n, i) => n + i.qty, 0) ?? 0;
  const openCall = session?.serviceCalls.find((c) => c.kind === 'CALL_WAITER');

  const callWaiter = async () => {
    if (!session || openCall) return;
    setCalling(true);
    const r = await runtime.command('CreateServiceCall', {
      sessionId: session.session.id,
      kind: 'CALL_WAITER',
    });
    setCalling(false);
    if (r.status === 'refused' && r.outcome && !r.outcome.ok)
      toast(t('error.refused', { message: r.outcome.error.message }), 'danger');
    else toast(r.status === 'queued' ? t('cart.queued') : t('call.sent'), 'ok');
  };

  return (
    <div className="t-app">
      <header className="t-header">
        <div className="t-header-title">
          <span className="t-header-branch">{session?.branchName ?? ''}</span>
          <span className="t-header-table">
            <span
              className={`t-live-dot t-live-${live}`}
              title={t(`conn.${live}`)}
              aria-label={t(`conn.${live}`)}
            />
            {session ? t('join.table', { table: session.session.tableLabel }) : ''}
          </span>
        </div>
        <LangSwitch />
      </header>
      <button
        className={openCall ? 't-call t-call-on' : 't-call'}
        onClick={() => void callWaiter()}
        disabled={calling || !session}
        aria-live="polite"
      >
        <Icon name="bell" size={20} />
        {openCall ? (openCall.status === 'ACKNOWLEDGED' ? t('call.ack') : t('call.open')) : t('call.waiter')}
      </button>
      <main className="t-main">
        {tab === 'menu' ? <MenuScreen /> : null}
        {tab === 'cart' ? <CartScreen onMenu={() => setTab('menu')} /> : null}
        {tab === 'check' ? <CheckScreen /> : null}
      </main>
      {tab === 'menu' && cart && cartCount > 0 ? (
        <button className="t-cartbar" onClick={() => setTab('cart')}>
          <span className="t-cartbar-count">{cartCount}</span>
          <span>{t('cart.bar')}</span>
          <span className="t-cartbar-total">{money(cart.totalCents)}</span>
        </button>
      ) : null}
      <nav className="t-tabs" aria-label="Secciones">
        {(['menu', 'cart', 'check'] as const).map((id) => (
          <button key={id} aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
            <Icon name={id === 'menu' ? 'menu' : id === 'cart' ? 'cart' : 'bill'} size={24} />
            {t(`tab.${id}`)}
            {id === 'cart' && cartCount > 0 ? <span className="t-tab-badge">{cartCount}</span> : null}
          </button>
        ))}
      </nav>
    </div>
  );
}
