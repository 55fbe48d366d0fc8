// A table: its label (what waiters call it and the QR card shows), seats and sector. Its join code is
// made by the hub and rotated from the floor page.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { CheckField, Field, NumberField } from '../ui/Field.js';
import { FormModal } from '../ui/FormModal.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { parseWholeNumber } from '../validate.js';
import type { Sector, Table } from './floor-types.js';

const FIELDS = ['label', 'seats', 'sectorId', 'active'] as const;
/** A label already in use is the hub's CONFLICT; it belongs beside the label. */
const CODE_FIELD = { CONFLICT: 'label' };

export function TableForm(props: {
  table?: Table;
  sectors: Sector[];
  sectorId?: string;
  labelsTaken: string[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const run = useRunCommand();
  const { table, onClose } = props;
  const [label, setLabel] = useState(table?.label ?? '');
  const [seats, setSeats] = useState(String(table?.seats ?? 4));
  const [sectorId, setSectorId] = useState(table?.sectorId ?? props.sectorId ?? props.sectors[0]?.id ?? '');
  const [active, setActive] = useState(table?.active ?? true);
  const form = useFormSubmit(FIELDS, CODE_FIELD);

  const check = () => {
    const e: Record<string, string> = {};
    const l = label.trim();
    if (!l) e.label = 'v.required';
    else if (l.length > 20) e.label = 'v.tooLong';
    else if (l !== table?.label && props.labelsTaken.includes(l)) e.label = 'v.labelTaken';
    if (parseWholeNumber(seats, 1, 50) === null) e.seats = 'v.seats';
    if (!sectorId) e.sectorId = 'v.required';
    return e;
  };
  const save = () =>
    form.submit(
      check,
      () =>
        run(
          'UpsertTable',
          {
            ...(table ? { tableId: table.id } : {}),
            sectorId,
            label: label.trim(),
            seats: Number(seats),
            active,
          },
          t('table.label', { name: label }),
        ),
      onClose,
    );

  return (
    <FormModal
      title={table ? t('table.editTitle', { name: table.label }) : t('table.newTitle')}
      onClose={onClose}
      onSave={() => void save()}
      busy={form.busy}
      error={form.errors.general}
    >
      <Field label={t('table.labelField')} error={form.errors.fields.label} hint={t('table.labelHint')}>
        <input className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <NumberField
        label={t('table.seats')}
        error={form.errors.fields.seats}
        value={seats}
        onChange={setSeats}
      />
      <Field label={t('table.sector')} error={form.errors.fields.sectorId}>
        <select className="input" value={sectorId} onChange={(e) => setSectorId(e.target.value)}>
          {props.sectors.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <CheckField
        label={t('table.active')}
        hint={t('table.activeHint')}
        checked={active}
        onChange={setActive}
      />
      <button type="submit" hidden />
    </FormModal>
  );
}
