// A sector of the floor (salón, terraza): waiters are assigned to sectors and see only their tables.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { CheckField, Field, NumberField } from '../ui/Field.js';
import { FormModal } from '../ui/FormModal.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { parseWholeNumber } from '../validate.js';
import type { Sector } from './floor-types.js';

const FIELDS = ['name', 'position', 'active'] as const;

export function SectorForm(props: { sector?: Sector; nextPosition: number; onClose: () => void }) {
  const { t } = useI18n();
  const run = useRunCommand();
  const { sector, onClose } = props;
  const [name, setName] = useState(sector?.name ?? '');
  const [position, setPosition] = useState(String(sector?.position ?? props.nextPosition));
  const [active, setActive] = useState(sector?.active ?? true);
  const form = useFormSubmit(FIELDS);

  const check = () => {
    const e: Record<string, string> = {};
    if (!name.trim()) e.name = 'v.required';
    else if (name.trim().length > 60) e.name = 'v.tooLong';
    if (parseWholeNumber(position, 0, 10_000) === null) e.position = 'v.count';
    return e;
  };
  const save = () =>
    form.submit(
      check,
      () =>
        run(
          'UpsertSector',
          {
            ...(sector ? { sectorId: sector.id } : {}),
            name: name.trim(),
            position: Number(position),
            active,
          },
          t('sector.label', { name }),
        ),
      onClose,
    );

  return (
    <FormModal
      title={sector ? t('sector.editTitle', { name: sector.name }) : t('sector.newTitle')}
      onClose={onClose}
      onSave={() => void save()}
      busy={form.busy}
      error={form.errors.general}
    >
      <Field label={t('sector.name')} error={form.errors.fields.name}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <NumberField
        label={t('category.position')}
        error={form.errors.fields.position}
        value={position}
        onChange={setPosition}
      />
      <CheckField
        label={t('sector.active')}
        hint={t('sector.activeHint')}
        checked={active}
        onChange={setActive}
        wide
      />
      <button type="submit" hidden />
    </FormModal>
  );
}
