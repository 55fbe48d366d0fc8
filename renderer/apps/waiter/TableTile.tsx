// One table on the floor: its number large, its state in words and colour, guests and time seated, and
// a bell when the table is calling.
import { useI18n } from '../../shared/i18n.js';
import type { TableView } from './hub-types.js';
import { minutesSince } from './table-states.js';
import { BellIcon } from './icons.js';

export function TableTile(props: { table: TableView; now: number; opening: boolean; onOpen: () => void }) {
  const { t } = useI18n();
  const { table } = props;
  const minutes = minutesSince(table.openedAt, props.now);
  const stateText = props.opening ? t('floor.opening') : t(`state.${table.state}`);
  return (
    <button
      className={`tile tile-${table.state}${table.serviceCall ? ' tile-call' : ''}${props.opening ? ' tile-opening' : ''}`}
      onClick={props.onOpen}
      aria-label={`${t('session.table', { table: table.label })}: ${stateText}${table.serviceCall ? ', ' + t('state.CALL') : ''}`}
      data-table={table.label}
      data-state={table.state}
    >
      <span className="tile-top">
        <span className="tile-label">{table.label}</span>
        {table.serviceCall ? (
          <span className="tile-bell" aria-hidden="true">
            <BellIcon />
          </span>
        ) : null}
      </span>
      <span className="tile-state">{stateText}</span>
      <span className="tile-meta">
        {table.guests ? (
          <span>
            <span className="meta-long">{t('floor.guests', { n: table.guests })}</span>
            <span className="meta-short">{t('floor.guestsShort', { n: table.guests })}</span>
          </span>
        ) : (
          <span>{t('floor.seats', { n: table.seats })}</span>
        )}
        {minutes !== null ? <span className="tile-time">{minutes} min</span> : null}
      </span>
    </button>
  );
}
