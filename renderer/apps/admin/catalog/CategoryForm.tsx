// A menu category: its name in both languages, where it sits in the menu, and whether it is shown.
import { useState } from 'react';
import { localized, useI18n } from '../../../shared/i18n.js';
import { CheckField, Field, NumberField } from '../ui/Field.js';
import { FormModal } from '../ui/FormModal.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { parseWholeNumber } from '../validate.js';
import type { Category } from './catalog-types.js';

const FIELDS = ['name.es', 'name.en', 'position', 'active'] as const;

export function CategoryForm(props: { category?: Category; nextPosition: number; onClose: () => void }) {
  const { t, lang } = useI18n();
  const run = useRunCommand();
  const { category, onClose } = props;
  const [es, setEs] = useState(category?.name.es ?? '');
  const [en, setEn] = useState(category?.name.en ?? '');
  const [position, setPosition] = useState(String(category?.position ?? props.nextPosition));
  const [active, setActive] = useState(category?.active ?? true);
  const form = useFormSubmit(FIELDS);

  const check = () => {
    const e: Record<string, string> = {};
    if (!es.trim()) e['name.es'] = 'v.required';
    if (!en.trim()) e['name.en'] = 'v.required';
    if (parseWholeNumber(position, 0, 10_000) === null) e.position = 'v.count';
    return e;
  };
  const save = () =>
    form.submit(
      check,
      () =>
        run(
          'UpsertCategory',
          {
            ...(category ? { categoryId: category.id } : {}),
            name: { es: es.trim(), en: en.trim() },
            position: Number(position),
            active,
          },
          t('category.label', { name: lang === 'es' ? es : en }),
        ),
      onClose,
    );

  return (
    <FormModal
      title={
        category ? t('category.editTitle', { name: localized(category.name, lang) }) : t('category.newTitle')
      }
      onClose={onClose}
      onSave={() => void save()}
      busy={form.busy}
      error={form.errors.general}
    >
      <Field label={t('product.nameEs')} error={form.errors.fields['name.es']}>
        <input className="input" value={es} onChange={(e) => setEs(e.target.value)} />
      </Field>
      <Field label={t('product.nameEn')} error={form.errors.fields['name.en']}>
        <input className="input" value={en} onChange={(e) => setEn(e.target.value)} />
      </Field>
      <NumberField
        label={t('category.position')}
        error={form.errors.fields.position}
        hint={t('category.positionHint')}
        value={position}
        onChange={setPosition}
      />
      <CheckField
        label={t('category.active')}
        hint={t('category.activeHint')}
        checked={active}
        onChange={setActive}
      />
      <button type="submit" hidden />
    </FormModal>
  );
}
