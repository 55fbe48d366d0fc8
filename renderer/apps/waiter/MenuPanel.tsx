// The menu on the table screen: categories, search, an allergen filter, and a card per dish. Dishes that
// are 86'd are greyed out and cannot be tapped; a dish with a stock count says how many are left.
import { useMemo, useState } from 'react';
import { localized, useI18n } from '../../shared/i18n.js';
import type { Allergen, MenuView, ProductView } from './hub-types.js';
import { ALLERGENS as MENU_ALLERGENS } from '../../../protocol/menu-values.js';

export const ALLERGENS: readonly Allergen[] = MENU_ALLERGENS;

/** What the filters leave: in a category (or all), matching the search, free of every excluded allergen. */
export function filterProducts(
  menu: MenuView,
  opts: { categoryId: string | null; search: string; exclude: readonly Allergen[]; lang: 'es' | 'en' },
): ProductView[] {
  const q = opts.search.trim().toLocaleLowerCase();
  return menu.categories
    .filter((c) => opts.categoryId === null || c.id === opts.categoryId)
    .flatMap((c) => c.products)
    .filter((p) => p.active)
    .filter((p) => !q || `${p.name.es} ${p.name.en}`.toLocaleLowerCase().includes(q))
    .filter((p) => !p.allergens.some((a) => opts.exclude.includes(a)));
}

export function MenuPanel(props: { menu: MenuView | null; onPick: (p: ProductView) => void }) {
  const { t, lang, money } = useI18n();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [exclude, setExclude] = useState<Allergen[]>([]);
  const [showAllergens, setShowAllergens] = useState(false);
  const { menu } = props;
  const products = useMemo(
    () => (menu ? filterProducts(menu, { categoryId, search, exclude, lang }) : []),
    [menu, categoryId, search, exclude, lang],
  );
  if (!menu) return <div className="empty">{t('session.loading')}</div>;

  const toggle = (a: Allergen) =>
    setExclude((list) => (list.includes(a) ? list.filter((x) => x !== a) : [...list, a]));

  return (
    <section className="menu-panel" aria-label={t('session.tabMenu')}>
      <div className="menu-sticky">
        <div className="menu-tools">
          <input
            className="input menu-search"
            type="search"
            placeholder={t('menu.search')}
            aria-label={t('menu.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <button
            className={exclude.length ? 'btn allergen-btn active' : 'btn allergen-btn'}
            aria-expanded={showAllergens}
            onClick={() => setShowAllergens((v) => !v)}
          >
            ⚠ {t('menu.allergenFilter')}
            {exclude.length ? <span className="count">{exclude.length}</span> : null}
          </button>
        </div>
        {showAllergens ? (
          <div className="allergen-picker">
            <span className="muted small">{t('menu.allergenHint')}</span>
            <div className="chips">
              {ALLERGENS.map((a) => (
                <button key={a} className="chip" aria-pressed={exclude.includes(a)} onClick={() => toggle(a)}>
                  {t(`allergen.${a}`)}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <div className="cat-tabs" role="tablist">
          <button
            className="cat-tab"
            role="tab"
            aria-selected={categoryId === null}
            onClick={() => setCategoryId(null)}
          >
            {t('menu.all')}
          </button>
          {menu.categories.map((c) => (
            <button
              key={c.id}
              className="cat-tab"
              role="tab"
              aria-selected={categoryId === c.id}
              onClick={() => setCategoryId(c.id)}
            >
              {localized(c.name, lang)}
            </button>
          ))}
        </div>
      </div>
      <div className="product-grid">
        {products.map((p) => {
          const soldOut = !p.available || p.stockCount === 0;
          return (
            <button
              key={p.id}
              className={soldOut ? 'product sold-out' : 'product'}
              disabled={soldOut}
              onClick={() => props.onPick(p)}
              data-product={p.id}
            >
              <span className="product-name">{localized(p.name, lang)}</span>
              <span className="product-foot">
                <span className="product-price">{money(p.priceCents)}</span>
                {soldOut ? (
                  <span className="badge badge-danger">{t('menu.soldOut')}</span>
                ) : p.stockCount !== null ? (
                  <span className="badge badge-warn">{t('menu.left', { n: p.stockCount })}</span>
                ) : null}
              </span>
              {p.allergens.length ? (
                <span className="product-allergens">
                  {p.allergens.map((a) => t(`allergen.${a}`)).join(' · ')}
                </span>
              ) : null}
            </button>
          );
        })}
        {products.length === 0 ? (
          <div className="empty grid-wide">
            <p>{t('menu.noResults')}</p>
            <button
              className="btn"
              onClick={() => {
                setSearch('');
                setExclude([]);
                setCategoryId(null);
              }}
            >
              {t('menu.clearFilters')}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
