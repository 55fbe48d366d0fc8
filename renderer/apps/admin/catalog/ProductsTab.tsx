// Every product by category: price (and this branch's own price), where it is made, availability with
// a one-click 86, and its stock count. Inactive products stay listed, dimmed, so they can come back.
import { useMemo, useState, useSyncExternalStore } from 'react';
import { localized, useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useAdmin } from '../admin-services.js';
import { useRunCommand } from '../hub-commands.js';
import { Icon } from '../ui/icons.js';
import type { Catalog, Product } from './catalog-types.js';
import { ProductForm } from './ProductForm.js';
import { StockForm } from './StockForm.js';
import { plural } from '../plural.js';
import { ActionsHeader, EditButton } from '../ui/table-parts.js';

export function ProductsTab(props: { catalog: Catalog }) {
  const { t, lang, money } = useI18n();
  const toast = useToast();
  const run = useRunCommand();
  const { commands } = useAdmin();
  // Changes still waiting for the hub show on their row, so nobody presses "86" twice wondering.
  const pending = useSyncExternalStore(commands.subscribe, commands.pending);
  const waiting = (productId: string) =>
    pending.some((c) => c.state !== 'failed' && c.payload.productId === productId);
  const { catalog } = props;
  const [query, setQuery] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [show, setShow] = useState<'all' | 'soldOut' | 'inactive'>('all');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [stockOf, setStockOf] = useState<Product | null>(null);
  const stationName = (id: string) => catalog.stations.find((s) => s.id === id)?.name ?? id;

  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const shown = (p: Product) =>
      show === 'all' || (show === 'soldOut' ? p.active && !p.available : !p.active);
    const match = (p: Product) =>
      shown(p) &&
      (!categoryId || p.categoryId === categoryId) &&
      (!q || p.name.es.toLowerCase().includes(q) || p.name.en.toLowerCase().includes(q));
    return catalog.categories
      .map((c) => ({
        category: c,
        products: catalog.products.filter((p) => p.categoryId === c.id && match(p)),
      }))
      .filter((g) => g.products.length > 0);
  }, [catalog, categoryId, query, show]);

  const toggle86 = async (p: Product) => {
    const name = localized(p.name, lang);
    const answer = await run(
      'SetProductAvailability',
      { productId: p.id, available: !p.available },
      t(p.available ? 'stock.label86' : 'stock.labelOn', { name }),
    );
    if (answer.status === 'refused') toast(`${name}: ${answer.error.message}`, 'danger');
    else if (answer.status === 'queued') toast(t('form.queued'));
    else toast(t(p.available ? 'stock.done86' : 'stock.doneOn', { name }), 'ok');
  };

  return (
    <div className="stack">
      <div className="toolbar">
        <label className="search">
          <Icon name="search" />
          <input
            className="input"
            type="search"
            placeholder={t('catalog.search')}
            aria-label={t('catalog.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <select
          className="input"
          aria-label={t('product.category')}
          value={categoryId}
          onChange={(e) => setCategoryId(e.target.value)}
        >
          <option value="">{t('catalog.allCategories')}</option>
          {catalog.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {localized(c.name, lang)}
            </option>
          ))}
        </select>
        <div className="seg" role="group" aria-label={t('catalog.show')}>
          {(['all', 'soldOut', 'inactive'] as const).map((v) => (
            <button key={v} aria-pressed={show === v} onClick={() => setShow(v)}>
              {t(`catalog.show.${v}`)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <Button
          variant="primary"
          onClick={() => setEditing('new')}
          disabled={catalog.categories.length === 0}
        >
          <Icon name="plus" /> {t('catalog.newProduct')}
        </Button>
      </div>
      {groups.length === 0 ? <div className="card empty">{t('catalog.noProducts')}</div> : null}
      {groups.map(({ category, products }) => (
        <section key={category.id} className="card table-card">
          <header className="table-card-head">
            <h2>{localized(category.name, lang)}</h2>
            <span className="muted">{plural(t, 'catalog.count', products.length)}</span>
            {category.active ? null : <Badge>{t('status.inactive')}</Badge>}
          </header>
          <table className="data-table products-table">
            <thead>
              <tr>
                <th>{t('catalog.colProduct')}</th>
                <th className="col-station">{t('catalog.colStation')}</th>
                <th className="num col-price">{t('catalog.colPrice')}</th>
                <th className="col-avail">{t('catalog.colAvailability')}</th>
                <ActionsHeader className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.id} className={p.active ? undefined : 'row-inactive'} data-product-id={p.id}>
                  <td>
                    <div className="cell-title">{localized(p.name, lang)}</div>
                    <div className="cell-sub">
                      {localized(p.name, lang === 'es' ? 'en' : 'es')}
                      {p.allergens.length > 0
                        ? ` · ${p.allergens.map((a) => t(`allergen.${a}`)).join(', ')}`
                        : ''}
                    </div>
                  </td>
                  <td>
                    <div>{stationName(p.station)}</div>
                    <div className="cell-sub">{t(`course.${p.course}`)}</div>
                  </td>
                  <td className="num">
                    <div className="cell-title">{money(p.priceCents)}</div>
                    {p.priceCents !== p.basePriceCents ? (
                      <div className="cell-sub" title={t('catalog.basePrice')}>
                        <s>{money(p.basePriceCents)}</s> {t('catalog.branchPrice')}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <div className="row avail">
                      {!p.active ? (
                        <Badge>{t('status.inactive')}</Badge>
                      ) : p.available ? (
                        <Badge tone="ok">{t('stock.available')}</Badge>
                      ) : (
                        <Badge tone="danger">{t('stock.soldOut86')}</Badge>
                      )}
                      {waiting(p.id) ? <Badge tone="warn">{t('catalog.waiting')}</Badge> : null}
                      {p.stockCount !== null ? (
                        <Badge tone={p.stockCount <= 5 ? 'warn' : 'info'}>
                          {t('stock.left', { n: p.stockCount })}
                        </Badge>
                      ) : null}
                    </div>
                  </td>
                  <td className="actions">
                    <Button
                      size="sm"
                      variant={p.available ? 'default' : 'primary'}
                      onClick={() => void toggle86(p)}
                      aria-label={t(p.available ? 'stock.do86' : 'stock.doOn', {
                        name: localized(p.name, lang),
                      })}
                    >
                      {p.available ? t('stock.btn86') : t('stock.btnOn')}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setStockOf(p)}>
                      {t('stock.btnStock')}
                    </Button>
                    <EditButton
                      onClick={() => setEditing(p)}
                      label={t('catalog.editProduct', { name: localized(p.name, lang) })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {editing ? (
        <ProductForm
          catalog={catalog}
          product={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {stockOf ? <StockForm product={stockOf} onClose={() => setStockOf(null)} /> : null}
    </div>
  );
}
