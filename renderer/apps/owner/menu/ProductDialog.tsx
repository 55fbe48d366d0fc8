// Create a dish or change one's details (names, category, station, course, base price, allergens,
// shown or hidden). Sends only what changed, so a field nobody touched keeps whatever the hub has.
import { useState, type FormEvent } from 'react';
import type { CatalogEditorView, EditorProduct } from '../../../../protocol/owner-api.js';
import { localized, useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { Modal } from '../../../shared/ui/Modal.js';
import { parsePriceCents, priceText } from './price-input.js';
import { ALLERGENS, COURSES } from '../../../../protocol/menu-values.js';

interface Draft {
  nameEs: string;
  nameEn: string;
  categoryId: string;
  station: string;
  course: string;
  price: string;
  allergens: string[];
  active: boolean;
}

export function ProductDialog(props: {
  view: CatalogEditorView;
  product: EditorProduct | null;
  onSave: (payload: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { view, product } = props;
  const initial: Draft = {
    nameEs: product?.name.es ?? '',
    nameEn: product?.name.en ?? '',
    categoryId: product?.categoryId ?? view.categories[0]?.categoryId ?? '',
    station: product?.station ?? view.stations[0]?.stationId ?? '',
    course: product?.course ?? 'main',
    price: product ? priceText(product.priceCents, lang) : '',
    allergens: product?.allergens ?? [],
    active: product?.active ?? true,
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const cents = parsePriceCents(draft.price);
    if (cents === null) return setError(t('menu.badPrice'));
    if (draft.nameEs.trim() === '' || draft.nameEn.trim() === '') return setError(t('product.needName'));
    const full: Record<string, unknown> = {
      name: { es: draft.nameEs.trim(), en: draft.nameEn.trim() },
      categoryId: draft.categoryId,
      station: draft.station,
      course: draft.course,
      priceCents: cents,
      allergens: draft.allergens,
      active: draft.active,
    };
    let payload = full;
    if (product) {
      // Only what changed: the cloud fills the rest from its copy of the hub's menu.
      const before: Record<string, unknown> = {
        name: product.name,
        categoryId: product.categoryId,
        station: product.station,
        course: product.course,
        priceCents: product.priceCents,
        allergens: product.allergens,
        active: product.active,
      };
      payload = Object.fromEntries(
        Object.entries(full).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])),
      );
      if (Object.keys(payload).length === 0) return props.onClose();
      payload.productId = product.productId;
    }
    setBusy(true);
    setError(undefined);
    try {
      await props.onSave(payload);
      props.onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={
        product ? t('product.editTitle', { name: localized(product.name, lang) }) : t('product.newTitle')
      }
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button variant="primary" type="submit" form="product-form" disabled={busy}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form id="product-form" className="product-form" onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          <label className="field">
            {t('product.nameEs')}
            <input
              className="input"
              value={draft.nameEs}
              maxLength={120}
              onChange={(e) => set('nameEs', e.target.value)}
            />
          </label>
          <label className="field">
            {t('product.nameEn')}
            <input
              className="input"
              value={draft.nameEn}
              maxLength={120}
              onChange={(e) => set('nameEn', e.target.value)}
            />
          </label>
          <label className="field">
            {t('product.category')}
            <select
              className="input"
              value={draft.categoryId}
              onChange={(e) => set('categoryId', e.target.value)}
            >
              {view.categories.map((c) => (
                <option key={c.categoryId} value={c.categoryId}>
                  {localized(c.name, lang)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('product.station')}
            <select className="input" value={draft.station} onChange={(e) => set('station', e.target.value)}>
              {view.stations.map((s) => (
                <option key={s.stationId} value={s.stationId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('product.course')}
            <select className="input" value={draft.course} onChange={(e) => set('course', e.target.value)}>
              {COURSES.map((c) => (
                <option key={c} value={c}>
                  {t(`course.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('product.basePrice')}
            <input
              className="input"
              inputMode="decimal"
              value={draft.price}
              onChange={(e) => set('price', e.target.value)}
              placeholder="12,50"
            />
          </label>
        </div>
        <fieldset className="allergens">
          <legend>{t('product.allergens')}</legend>
          {ALLERGENS.map((a) => (
            <label key={a} className="chip-check">
              <input
                type="checkbox"
                checked={draft.allergens.includes(a)}
                onChange={(e) =>
                  set(
                    'allergens',
                    e.target.checked ? [...draft.allergens, a] : draft.allergens.filter((x) => x !== a),
                  )
                }
              />
              <span>{t(`allergen.${a}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="check-line">
          <input type="checkbox" checked={draft.active} onChange={(e) => set('active', e.target.checked)} />
          {t('product.active')}
        </label>
        {product && <p className="muted small">{t('product.branchNote')}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}
