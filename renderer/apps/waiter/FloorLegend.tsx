// The key to the floor's colours, always under the tables.
import { useI18n } from '../../shared/i18n.js';
import { TABLE_STATE_ORDER } from './table-states.js';

export function FloorLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('floor.legend')}>
      {TABLE_STATE_ORDER.map((s) => (
        <li key={s}>
          <span className={`swatch swatch-${s}`} aria-hidden="true" />
          {t(`state.${s}`)}
        </li>
      ))}
      <li>
        <span className="swatch swatch-call" aria-hidden="true" />
        {t('state.CALL')}
      </li>
    </ul>
  );
}
