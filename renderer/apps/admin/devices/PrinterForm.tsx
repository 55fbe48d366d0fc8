// Add or change a kitchen printer (ESC/POS over the network, port 9100): which stations' tickets it
// prints, its paper, a backup printer for when it stays unreachable, and whether waiters print bills
// on it. The hub refuses what would not work (a backup that is itself) beside the field.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { CheckField, Field } from '../ui/Field.js';
import { FormModal } from '../ui/FormModal.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { parseWholeNumber } from '../validate.js';
import type { Printer } from './device-types.js';

const FIELDS = [
  'name',
  'host',
  'port',
  'stations',
  'paperWidthMm',
  'backupPrinterId',
  'printsChecks',
] as const;
const CODE_FIELD = { CONFLICT: 'backupPrinterId' };

export function PrinterForm(props: {
  printer?: Printer;
  printers: Printer[];
  stations: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const run = useRunCommand();
  const { printer, onClose } = props;
  const [name, setName] = useState(printer?.name ?? '');
  const [host, setHost] = useState(printer?.host ?? '');
  const [port, setPort] = useState(String(printer?.port ?? 9100));
  const [stations, setStations] = useState<string[]>(printer?.stations ?? []);
  const [paper, setPaper] = useState<58 | 80>(printer?.paperWidthMm ?? 80);
  const [backup, setBackup] = useState(printer?.backupPrinterId ?? '');
  const [printsChecks, setPrintsChecks] = useState(printer?.printsChecks ?? false);
  const [active, setActive] = useState(printer?.active ?? true);
  const form = useFormSubmit(FIELDS, CODE_FIELD);

  const check = () => {
    const e: Record<string, string> = {};
    if (!name.trim()) e.name = 'v.required';
    if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host.trim())) e.host = 'v.host';
    if (parseWholeNumber(port, 1, 65_535) === null) e.port = 'v.port';
    return e;
  };
  const save = () =>
    form.submit(
      check,
      () =>
        run(
          'UpsertPrinter',
          {
            ...(printer ? { printerId: printer.id, codepage: printer.codepage } : {}),
            name: name.trim(),
            host: host.trim(),
            port: Number(port),
            stations,
            paperWidthMm: paper,
            backupPrinterId: backup || null,
            printsChecks,
            active,
          },
          t('printer.label', { name }),
        ),
      onClose,
    );
  const toggle = (id: string) =>
    setStations((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <FormModal
      title={printer ? t('printer.editTitle', { name: printer.name }) : t('printer.newTitle')}
      onClose={onClose}
      onSave={() => void save()}
      busy={form.busy}
      error={form.errors.general}
    >
      <Field label={t('printer.name')} error={form.errors.fields.name} wide>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('printer.host')} error={form.errors.fields.host} hint={t('printer.hostHint')}>
        <input className="input mono" value={host} onChange={(e) => setHost(e.target.value)} />
      </Field>
      <Field label={t('printer.port')} error={form.errors.fields.port}>
        <input
          className="input mono"
          inputMode="numeric"
          value={port}
          onChange={(e) => setPort(e.target.value)}
        />
      </Field>
      <Field label={t('printer.stations')} error={form.errors.fields.stations} wide>
        <div className="chip-grid" role="group">
          {props.stations.map((s) => (
            <label key={s.id} className={stations.includes(s.id) ? 'chip chip-on' : 'chip'}>
              <input type="checkbox" checked={stations.includes(s.id)} onChange={() => toggle(s.id)} />
              {s.name}
            </label>
          ))}
        </div>
      </Field>
      <Field label={t('printer.paper')} error={form.errors.fields.paperWidthMm}>
        <select className="input" value={paper} onChange={(e) => setPaper(e.target.value === '58' ? 58 : 80)}>
          <option value="80">80 mm</option>
          <option value="58">58 mm</option>
        </select>
      </Field>
      <Field label={t('printer.backup')} error={form.errors.fields.backupPrinterId}>
        <select className="input" value={backup} onChange={(e) => setBackup(e.target.value)}>
          <option value="">{t('printer.noBackup')}</option>
          {props.printers
            .filter((p) => p.id !== printer?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </Field>
      <CheckField
        label={t('printer.printsChecks')}
        hint={t('printer.printsChecksHint')}
        checked={printsChecks}
        onChange={setPrintsChecks}
      />
      <CheckField
        label={t('printer.active')}
        hint={t('printer.activeHint')}
        checked={active}
        onChange={setActive}
      />
      <button type="submit" hidden />
    </FormModal>
  );
}
