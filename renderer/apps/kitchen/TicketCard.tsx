// One kitchen ticket: table, number, round, waiter, age, the course and its dishes with quantities,
// modifiers, notes and allergens. Memoized: a card renders again only when its own ticket object or
// its selection changes, never because another ticket did or a second passed.
import { memo } from 'react';
import { localized, useI18n } from '../../shared/i18n.js';
import { AgeLabel } from './age-label.js';
import { isAllergyNote } from '../../shared/allergy-note.js';
import { ClockIcon, PrinterIcon } from './icons.js';
import type { BoardTicket, TicketItem } from './board-types.js';

export interface TicketCardProps {
  ticket: BoardTicket;
  /** 1–9: place on the board, selected with that key; 0 past the ninth (so a shift re-renders none). */
  position: number;
  selected: boolean;
  /** The dish selected inside the selected ticket, or -1. */
  itemCursor: number;
  /** A command about this ticket is waiting for the hub. */
  busy: boolean;
  /** Ids of dishes bumped here and waiting for the hub, joined by spaces ('' for none). */
  pendingItems: string;
  /** Expo shows which station each ticket is for. */
  stationLabel: string | null;
  onSelect: (ticketId: string) => void;
}

function TicketCardView(props: TicketCardProps) {
  const { t, lang } = useI18n();
  const { ticket } = props;
  const status = ticket.status === 'NEW' ? t('ticket.new') : t('ticket.started');
  return (
    <article
      className={`ticket${props.selected ? ' selected' : ''}${ticket.fresh ? ' fresh' : ''}${props.busy ? ' busy' : ''}`}
      data-ticket={ticket.id}
      data-status={ticket.status}
      aria-selected={props.selected}
      aria-label={`${t('ticket.table', { table: ticket.tableLabel })} #${ticket.dailyNumber}`}
      onClick={() => props.onSelect(ticket.id)}
    >
      <header className="t-head">
        {props.position > 0 ? <kbd className="t-key">{props.position}</kbd> : null}
        <span className="t-table">
          {ticket.tableLabel ? t('ticket.table', { table: ticket.tableLabel }) : '…'}
        </span>
        <span className="t-num">#{ticket.dailyNumber}</span>
        <AgeLabel since={ticket.createdAt} />
      </header>
      <div className="t-meta">
        <span className="t-course">{t(`course.${ticket.course}`)}</span>
        {props.stationLabel ? <span className="t-station">{props.stationLabel}</span> : null}
        {ticket.roundNumber > 0 ? <span>{t('ticket.round', { n: ticket.roundNumber })}</span> : null}
        {ticket.waiterName ? <span className="t-waiter">{ticket.waiterName}</span> : null}
        <span className={`t-status t-status-${ticket.status.toLowerCase()}`}>{status}</span>
      </div>
      {ticket.detailsMissing ? (
        <p className="t-loading">{t('ticket.loading')}</p>
      ) : (
        <ul className="t-items">
          {ticket.items.map((item, k) => (
            <ItemLine
              key={item.id}
              item={item}
              done={
                item.status === 'READY' ||
                ticket.bumpedItemIds.includes(item.id) ||
                (props.pendingItems !== '' && props.pendingItems.split(' ').includes(item.id))
              }
              cursor={props.selected && props.itemCursor === k}
              lang={lang}
            />
          ))}
        </ul>
      )}
      {props.busy || ticket.print?.status === 'FAILED' ? (
        <footer className="t-foot">
          {props.busy ? (
            <span className="t-pending">
              <ClockIcon /> {t('ticket.pending')}
            </span>
          ) : null}
          {ticket.print?.status === 'FAILED' ? (
            <span className="t-print">
              <PrinterIcon /> {t('ticket.printFailed')}
            </span>
          ) : null}
        </footer>
      ) : null}
      {props.selected && props.itemCursor >= 0 ? (
        <div className="t-hint">{t('ticket.itemCursor')}</div>
      ) : null}
    </article>
  );
}

function ItemLine(props: { item: TicketItem; done: boolean; cursor: boolean; lang: 'es' | 'en' }) {
  const { t } = useI18n();
  const { item } = props;
  const voided = item.status === 'VOIDED';
  const allergyNote = item.notes !== '' && isAllergyNote(item.notes);
  const cls = ['t-item'];
  if (props.done) cls.push('done');
  if (voided) cls.push('voided');
  if (props.cursor) cls.push('cursor');
  if (allergyNote) cls.push('allergic');
  return (
    <li className={cls.join(' ')} data-item={item.id}>
      <span className="qty">{item.qty}</span>
      <div className="t-item-body">
        <div className="t-item-name">
          {props.done ? <span className="tick">✓ </span> : null}
          {localized(item.name, props.lang)}
          {item.seat !== null ? <span className="seat">{t('ticket.seat', { seat: item.seat })}</span> : null}
        </div>
        {item.modifiers.length > 0 ? (
          <ul className="mods">
            {item.modifiers.map((m, k) => (
              <li key={k}>{m.name}</li>
            ))}
          </ul>
        ) : null}
        {item.notes ? (
          allergyNote ? (
            <div className="note note-allergy" role="alert">
              <span className="note-flag">⚠ {t('ticket.allergyNote')}</span> {item.notes}
            </div>
          ) : (
            <div className="note">✎ {item.notes}</div>
          )
        ) : null}
        {item.allergens.length > 0 ? (
          <div className="allergens" aria-label={t('ticket.allergens')}>
            {item.allergens.map((a) => (
              <span key={a} className="allergen">
                {t(`allergen.${a}`)}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </li>
  );
}

export const TicketCard = memo(TicketCardView);
