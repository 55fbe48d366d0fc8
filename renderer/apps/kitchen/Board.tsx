// The tickets as cards in a grid, oldest first, then the held courses. Each card is memoized and gets
// only primitives and its own ticket object, so one change renders one card.
import { useI18n } from '../../shared/i18n.js';
import type { BoardTicket, KitchenHeldGroup } from './board-types.js';
import { HeldCard } from './HeldCard.js';
import type { PendingEffects } from './pending-effects.js';
import { TicketCard } from './TicketCard.js';

export interface BoardProps {
  tickets: readonly BoardTicket[];
  held: readonly KitchenHeldGroup[];
  selectedId: string | null;
  itemCursor: number;
  effects: PendingEffects;
  /** Station names by id when every station is shown (expo); null on a station's own screen. */
  stationNames: Readonly<Record<string, string>> | null;
  loaded: boolean;
  onSelect: (ticketId: string) => void;
}

export function Board(props: BoardProps) {
  const { t } = useI18n();
  const { effects, stationNames } = props;
  if (props.tickets.length === 0 && props.held.length === 0) {
    return (
      <div className="board-empty">
        <div className="board-empty-mark">✓</div>
        <p>{props.loaded ? t('board.empty') : t('board.loading')}</p>
      </div>
    );
  }
  return (
    <div className="board" role="list">
      {props.tickets.map((ticket, k) => {
        const pendingItems = ticket.items
          .filter((i) => effects.items.has(i.id))
          .map((i) => i.id)
          .join(' ');
        const selected = ticket.id === props.selectedId;
        return (
          <TicketCard
            key={ticket.id}
            ticket={ticket}
            position={k < 9 ? k + 1 : 0}
            selected={selected}
            itemCursor={selected ? props.itemCursor : -1}
            busy={effects.busy.has(ticket.id)}
            pendingItems={pendingItems}
            stationLabel={stationNames ? (stationNames[ticket.station] ?? ticket.station) : null}
            onSelect={props.onSelect}
          />
        );
      })}
      {props.held.map((g) => (
        <HeldCard
          key={`${g.roundId}:${g.station}:${g.course}`}
          group={g}
          stationLabel={stationNames ? (stationNames[g.station] ?? g.station) : null}
        />
      ))}
    </div>
  );
}
