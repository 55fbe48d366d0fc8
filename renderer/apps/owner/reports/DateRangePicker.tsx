// The report period: quick presets and two date fields. Days are the branches' business days, like the
// data, and the presets count back from the business day the cloud says is today.
import { useI18n } from '../../../shared/i18n.js';
import { addDays } from '../format.js';

export interface DayRange {
  from: string;
  to: string;
}

export type Preset = 'today' | '7' | '30' | 'month';

export function presetRange(preset: Preset, today: string): DayRange {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case '7':
      return { from: addDays(today, -6), to: today };
    case '30':
      return { from: addDays(today, -29), to: today };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

export function DateRangePicker(props: {
  value: DayRange;
  /** The current business day (YYYY-MM-DD). */
  today: string;
  /** A preset stays one (it moves with `today`); dates typed in stay as typed. */
  onChange: (r: Preset | DayRange) => void;
}) {
  const { t } = useI18n();
  const { value, onChange } = props;
  const presets: Preset[] = ['today', '7', '30', 'month'];
  return (
    <div className="range-picker" role="group" aria-label={t('reports.range')}>
      <div className="seg">
        {presets.map((p) => {
          const r = presetRange(p, props.today);
          return (
            <button
              key={p}
              aria-pressed={r.from === value.from && r.to === value.to}
              onClick={() => onChange(p)}
              data-testid={`preset-${p}`}
            >
              {t(`reports.preset.${p}`)}
            </button>
          );
        })}
      </div>
      <label className="date-field">
        <span>{t('reports.from')}</span>
        <input
          className="input input-sm"
          type="date"
          value={value.from}
          max={value.to}
          onChange={(e) => e.target.value && onChange({ from: e.target.value, to: value.to })}
        />
      </label>
      <label className="date-field">
        <span>{t('reports.to')}</span>
        <input
          className="input input-sm"
          type="date"
          value={value.to}
          min={value.from}
          onChange={(e) => e.target.value && onChange({ from: value.from, to: e.target.value })}
        />
      </label>
    </div>
  );
}
