// The menu: category chips that scroll to their section, an allergen filter that hides every dish
// containing what the diner avoids, and dishes with price, allergens and live availability (86'd dishes
// stay visible, greyed out, so nobody wonders where they went).
import { useEffect, useMemo, useRef, useState } from 'react';
import { localized, useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { Button } from '../../shared/ui/Button.js';
import { Modal } from '../../shared/ui/Modal.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { ALLERGEN_INFO, allergenName, passesFilter } from './allergens.js';
import type { MenuProduct } from './hub-types.js';
import { ProductSheet } from './ProductSheet.js';
import { useRuntime } from './runtime-context.js';
import { Icon } from './icons.js';

const AVOID_KEY = 'comanda.diner.avoid';

function loadAvoid(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(AVOID_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

export function MenuScreen() {
  const runtime = useRuntime();
  const menu = useStore(runtime.store, (s) => s.menu);
  const session = useStore(runtime.store, (s) => s.session);
  const { t, lang, money } = useI18n();
  const toast = useToast();
  const [avoid, setAvoid] = useState<Set<string>>(loadAvoid);
  const [filterOpen, setFilterOpen] = useState(false);
  const [open, setOpen] = useState<MenuProduct | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const chipRow = useRef<HTMLDivElement>(null);

  const inCart = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of session?.cart?.items ?? []) m.set(i.productId, (m.get(i.productId) ?? 0) + i.qty);
    return m;
  }, [session]);
  const categories = useMemo(
    () =>
      (menu?.categories ?? [])
        .map((c) => ({ ...c, shown: c.products.filter((p) => passesFilter(p.allergens, avoid)) }))
        .filter((c) => c.products.length > 0),
    [menu, avoid],
  );
  // The chip of the section being read lights up, and the chip row follows it sideways.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      let current: string | null = null;
      const sections = [...document.querySelectorAll<HTMLElement>('.t-section')];
      // A section is being read once its title is in the upper part of the screen, under the bar.
      const reading = window.innerHeight * 0.4;
      for (const section of sections) {
        if (section.getBoundingClientRect().top <= reading) current = section.id.slice(4);
      }
      // At the very bottom the last (short) section can never reach the bar: it is the one being read.
      const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
      if (atBottom && sections.length > 0) current = sections[sections.length - 1]!.id.slice(4);
      setActive(current ?? categories[0]?.id ?? null);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [categories]);
  useEffect(() => {
    const row = chipRow.current;
    const chip = row?.querySelector<HTMLElement>('[aria-current="true"]');
    if (row && chip) row.scrollTo({ left: chip.offsetLeft - 16, behavior: 'smooth' });
  }, [active]);

  const hidden = categories.reduce((n, c) => n + c.products.length - c.shown.length, 0);
  const shown = categories.reduce((n, c) => n + c.shown.length, 0);

  const saveAvoid = (next: Set<string>) => {
    setAvoid(next);
    localStorage.setItem(AVOID_KEY, JSON.stringify([...next]));
  };

  const quickAdd = async (p: MenuProduct) => {
    if (!session) return;
    // Dishes with choices (doneness, extras) open the sheet instead.
    if (p.modifierGroups.length > 0) return setOpen(p);
    setAdding(p.id);
    const r = await runtime.command('AddItem', {
      sessionId: session.session.id,
      item: { productId: p.id, qty: 1 },
    });
    setAdding(null);
    if (r.status === 'refused' && r.outcome && !r.outcome.ok)
      toast(t('error.refused', { message: r.outcome.error.message }), 'danger');
    else toast(`+1 ${localized(p.name, lang)}`, 'ok');
  };

  if (!menu)
    return (
      <div className="t-center">
        <div className="t-spinner" />
      </div>
    );
  return (
    <div className="t-menu">
      <div className="t-menu-tools">
        <div className="t-chips" role="list" ref={chipRow}>
          {categories.map((c) => (
            <a
              key={c.id}
              role="listitem"
              className="t-chip"
              href={`#cat-${c.id}`}
              aria-current={active === c.id ? 'true' : undefined}
            >
              {localized(c.name, lang)}
            </a>
          ))}
        </div>
        <button
          className={avoid.size > 0 ? 't-filter t-filter-on' : 't-filter'}
          onClick={() => setFilterOpen(true)}
          aria-haspopup="dialog"
        >
          <Icon name="filter" size={16} />
          {avoid.size > 0
            ? t('menu.filterOn', {
                list: [...avoid].map((a) => allergenName(a, lang).toLowerCase()).join(', '),
              })
            : t('menu.filter')}
        </button>
      </div>
      {hidden > 0 ? <p className="t-hidden-note">{t('menu.hidden', { n: hidden })}</p> : null}
      {categories.map((c) => (
        <section key={c.id} id={`cat-${c.id}`} className="t-section" aria-label={localized(c.name, lang)}>
          <h2 className="t-section-title">{localized(c.name, lang)}</h2>
          {c.shown.length === 0 ? <p className="muted t-empty-cat">{t('menu.empty')}</p> : null}
          <ul className="t-products">
            {c.shown.map((p) => {
              const soldOut = !p.available;
              const count = inCart.get(p.id) ?? 0;
              return (
                <li key={p.id} className={soldOut ? 't-product t-soldout' : 't-product'} data-product={p.id}>
                  <button className="t-product-main" onClick={() => setOpen(p)} disabled={soldOut}>
                    <span className="t-product-name">
                      {localized(p.name, lang)}
                      {count > 0 ? <span className="t-incart">{t('menu.inCart', { n: count })}</span> : null}
                    </span>
                    {localized(p.description, lang) ? (
                      <span className="t-product-desc">{localized(p.description, lang)}</span>
                    ) : null}
                    <span className="t-product-meta">
                      <span className="t-price">{money(p.priceCents)}</span>
                      {p.allergens.map((a) => (
                        <span key={a} className="t-allergen">
                          {allergenName(a, lang)}
                        </span>
                      ))}
                      {soldOut ? <span className="badge badge-danger">{t('menu.soldOut')}</span> : null}
                      {!soldOut && p.stockCount !== null && p.stockCount <= 5 ? (
                        <span className="badge badge-warn">{t('menu.left', { n: p.stockCount })}</span>
                      ) : null}
                    </span>
                  </button>
                  <button
                    className="t-add"
                    disabled={soldOut || adding === p.id}
                    aria-label={t('menu.addNamed', { name: localized(p.name, lang) })}
                    onClick={() => void quickAdd(p)}
                  >
                    +
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <div className="t-bottom-space" />
      {open ? <ProductSheet product={open} onClose={() => setOpen(null)} /> : null}
      {filterOpen ? (
        <Modal
          title={t('menu.filterTitle')}
          onClose={() => setFilterOpen(false)}
          closeLabel={t('close')}
          footer={
            <div className="row t-modal-actions">
              <Button variant="ghost" onClick={() => saveAvoid(new Set())} disabled={avoid.size === 0}>
                {t('menu.filterClear')}
              </Button>
              <Button variant="primary" onClick={() => setFilterOpen(false)}>
                {t('menu.filterDone', { n: shown })}
              </Button>
            </div>
          }
        >
          <p className="muted t-small">{t('menu.filterHint')}</p>
          <div className="t-allergen-grid">
            {ALLERGEN_INFO.map((a) => {
              const on = avoid.has(a.id);
              return (
                <button
                  key={a.id}
                  className={on ? 't-allergen-toggle on' : 't-allergen-toggle'}
                  aria-pressed={on}
                  onClick={() => {
                    const next = new Set(avoid);
                    if (on) next.delete(a.id);
                    else next.add(a.id);
                    saveAvoid(next);
                  }}
                >
                  <span className="t-check" aria-hidden="true" />
                  {a[lang]}
                </button>
              );
            })}
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
