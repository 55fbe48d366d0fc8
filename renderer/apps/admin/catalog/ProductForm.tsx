// Create or edit a product: names and descriptions in both languages, where it is made, its price (and
// this branch's own price), tax, allergens and modifiers. Checked here first; the hub's refusals land
// beside the field they name.
import { useState } from 'react';
import { localized, useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { Modal } from '../../../shared/ui/Modal.js';
import { CheckField, Field, FormAlert } from '../ui/Field.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { AllergenPicker } from './AllergenPicker.js';
import { COURSES, type Catalog, type Course, type Product } from './catalog-types.js';
import { ModifierGroupsEditor } from './ModifierGroupsEditor.js';
import {
  branchPriceChange,
  draftFromProduct,
  PRODUCT_FIELDS,
  upsertProductPayload,
  validateProduct,
  type ProductDraft,
} from './product-draft.js';

/** A refused SetBranchPrice is about the branch price field, whatever its code. */
const BRANCH_PRICE_FIELD = { BRANCH_PRICE: 'branchPrice' };

export function ProductForm(props: { catalog: Catalog; product?: Product; onClose: () => void }) {
  const { t, lang } = useI18n();
  const run = useRunCommand();
  const { catalog, product, onClose } = props;
  const [draft, setDraft] = useState<ProductDraft>(() =>
    draftFromProduct(product, lang, {
      categoryId: catalog.categories.find((c) => c.active)?.id ?? '',
      station: catalog.stations.find((s) => s.active)?.id ?? '',
    }),
  );
  const form = useFormSubmit(PRODUCT_FIELDS, BRANCH_PRICE_FIELD);
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const err = (f: string) => form.errors.fields[f];
  const name = product ? localized(product.name, lang) : '';

  const save = () =>
    form.submit(
      () => validateProduct(draft),
      async () => {
        const answer = await run(
          'UpsertProduct',
          upsertProductPayload(draft, product?.id),
          product ? t('product.labelEdit', { name }) : t('product.labelNew', { name: draft.nameEs }),
        );
        if (answer.status !== 'done') return answer;
        const price = branchPriceChange(draft, product);
        const productId = product?.id ?? String(answer.data.productId ?? '');
        if (price === undefined || !productId) return answer;
        const priced = await run('SetBranchPrice', { productId, priceCents: price }, t('product.labelPrice'));
        if (priced.status === 'refused') {
          // The product itself was saved; only the branch price was refused.
          return { status: 'refused', error: { ...priced.error, details: undefined, code: 'BRANCH_PRICE' } };
        }
        return priced;
      },
      onClose,
    );

  return (
    <Modal
      title={product ? t('product.editTitle', { name }) : t('product.newTitle')}
      onClose={onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button variant="primary" onClick={() => void save()} disabled={form.busy}>
            {form.busy ? t('form.saving') : t('save')}
          </Button>
        </>
      }
    >
      <form
        className="form-grid product-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <FormAlert message={form.errors.general} />
        <Field label={t('product.nameEs')} error={err('name.es')}>
          <input className="input" value={draft.nameEs} onChange={(e) => set('nameEs', e.target.value)} />
        </Field>
        <Field label={t('product.nameEn')} error={err('name.en')}>
          <input className="input" value={draft.nameEn} onChange={(e) => set('nameEn', e.target.value)} />
        </Field>
        <Field label={t('product.descEs')} error={err('description.es')}>
          <textarea className="input" value={draft.descEs} onChange={(e) => set('descEs', e.target.value)} />
        </Field>
        <Field label={t('product.descEn')} error={err('description.en')}>
          <textarea className="input" value={draft.descEn} onChange={(e) => set('descEn', e.target.value)} />
        </Field>
        <div className="form-row-3 field-wide">
          <Field label={t('product.category')} error={err('categoryId')}>
            <select
              className="input"
              value={draft.categoryId}
              onChange={(e) => set('categoryId', e.target.value)}
            >
              {catalog.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {localized(c.name, lang)}
                  {c.active ? '' : ` (${t('status.inactive')})`}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('product.station')} error={err('station')}>
            <select className="input" value={draft.station} onChange={(e) => set('station', e.target.value)}>
              {catalog.stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('product.course')} error={err('course')}>
            <select
              className="input"
              value={draft.course}
              onChange={(e) => set('course', e.target.value as Course)}
            >
              {COURSES.map((c) => (
                <option key={c} value={c}>
                  {t(`course.${c}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-row-3 field-wide">
          <Field label={t('product.price')} error={err('priceCents')} hint={t('product.priceHint')}>
            <input
              className="input input-money"
              inputMode="decimal"
              value={draft.price}
              onChange={(e) => set('price', e.target.value)}
            />
          </Field>
          {product ? (
            <Field
              label={t('product.branchPrice')}
              error={err('branchPrice')}
              hint={t('product.branchPriceHint')}
            >
              <input
                className="input input-money"
                inputMode="decimal"
                value={draft.branchPrice}
                onChange={(e) => set('branchPrice', e.target.value)}
              />
            </Field>
          ) : (
            <span />
          )}
          <Field label={t('product.tax')} error={err('taxRateBp')} hint={t('product.taxHint')}>
            <input
              className="input"
              inputMode="decimal"
              value={draft.taxRate}
              onChange={(e) => set('taxRate', e.target.value)}
            />
          </Field>
        </div>
        <Field label={t('product.allergens')} error={err('allergens')} wide>
          <AllergenPicker value={draft.allergens} onChange={(v) => set('allergens', v)} />
        </Field>
        <Field label={t('product.modifiers')} error={err('modifierGroups')} wide>
          <div>
            <ModifierGroupsEditor groups={draft.groups} onChange={(g) => set('groups', g)} />
          </div>
        </Field>
        <CheckField
          label={t('product.active')}
          hint={t('product.activeHint')}
          checked={draft.active}
          onChange={(checked) => set('active', checked)}
          wide
        />
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
