// A kitchen station (grill, cold, bar…): where dishes are made, which kitchen screen and printer get
// their tickets. Its id is part of the screens' topics, so it is chosen once and never changes.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { CheckField, Field, NumberField } from '../ui/Field.js';
import { FormModal } from '../ui/FormModal.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { isStationId, parseWholeNumber } from '../validate.js';
import type { Station } from './catalog-types.js';

const FIELDS = ['stationId', 'name', 'position', 'active'] as const;

/** "Cocina fría" → "cocina-fria": a suggestion the manager may change before the first save. */
export function stationIdFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
}

export function StationForm(props: {
  station?: Station;
  taken: string[];
  nextPosition: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const run = useRunCommand();
  const { station, onClose } = props;
  const [name, setName] = useState(station?.name ?? '');
  const [id, setId] = useState(station?.id ?? '');
  const [idTouched, setIdTouched] = useState(false);
  const [position, setPosition] = useState(String(station?.position ?? props.nextPosition));
  const [active, setActive] = useState(station?.active ?? true);
  const form = useFormSubmit(FIELDS);
  const shownId = station ? station.id : idTouched ? id : stationIdFrom(name);

  const check = () => {
    const e: Record<string, string> = {};
    if (!name.trim()) e.name = 'v.required';
    if (!isStationId(shownId)) e.stationId = 'v.stationId';
    else if (!station && props.taken.includes(shownId)) e.stationId = 'v.stationTaken';
    if (parseWholeNumber(position, 0, 10_000) === null) e.position = 'v.count';
    return e;
  };
  const save = () =>
    form.submit(
      check,
      () =>
        run(
          'UpsertStation',
          { stationId: shownId, name: name.trim(), position: Number(position), active },
          t('station.label', { name }),
        ),
      onClose,
    );

  return (
    <FormModal
      title={station ? t('station.editTitle', { name: station.name }) : t('station.newTitle')}
      onClose={onClose}
      onSave={() => void save()}
      busy={form.busy}
      error={form.errors.general}
    >
      <Field label={t('station.name')} error={form.errors.fields.name}>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('station.id')} error={form.errors.fields.stationId} hint={t('station.idHint')}>
        <input
          className="input mono"
          value={shownId}
          disabled={Boolean(station)}
          onChange={(e) => {
            setIdTouched(true);
            setId(e.target.value);
          }}
        />
      </Field>
      <NumberField
        label={t('category.position')}
        error={form.errors.fields.position}
        value={position}
        onChange={setPosition}
      />
      <CheckField
        label={t('station.active')}
        hint={t('station.activeHint')}
        checked={active}
        onChange={setActive}
      />
      <button type="submit" hidden />
    </FormModal>
  );
}
