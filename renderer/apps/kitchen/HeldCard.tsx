// A course held back at a table (it waits for the waiter's FireCourse): shown apart, dashed and dim,
// so cooks can see what is coming without mistaking it for something to cook now.
import { memo } from 'react';
import { localized, useI18n } from '../../shared/i18n.js';
import { isAllergyNote } from '../../shared/allergy-note.js';
import { PauseIcon } from './icons.js';
import type { KitchenHeldGroup } from './board-types.js';

function HeldCardView(props: { group: KitchenHeldGroup; stationLabel: string | null }) {
  const { t, lang } = useI18n();
  const { group } = props;
  return (
    <article className="ticket held" data-held={`${group.roundId}:${group.station}:${group.course}`}>
      <header className="t-head">
        <span className="held-flag">
          <PauseIcon /> {t('held.title')}
        </span>
        <span className="t-table">{t('ticket.table', { table: group.tableLabel })}</span>
      </header>
      <div className="t-meta">
        <span className="t-course">{t(`course.${group.course}`)}</span>
        {props.stationLabel ? <span className="t-station">{props.stationLabel}</span> : null}
        <span>{t('ticket.round', { n: group.roundNumber })}</span>
        {group.waiterName ? <span className="t-waiter">{group.waiterName}</span> : null}
      </div>
      <ul className="t-items">
        {group.items.map((item) => (
          <li key={item.id} className="t-item">
            <span className="qty">{item.qty}</span>
            <div className="t-item-body">
              <div className="t-item-name">{localized(item.name, lang)}</div>
              {item.modifiers.length > 0 ? (
                <ul className="mods">
                  {item.modifiers.map((m, k) => (
                    <li key={k}>{m.name}</li>
                  ))}
                </ul>
              ) : null}
              {item.notes ? (
                <div className={isAllergyNote(item.notes) ? 'note note-allergy' : 'note'}>
                  {isAllergyNote(item.notes) ? `⚠ ${t('ticket.allergyNote')} ` : '✎ '}
                  {item.notes}
                </div>
              ) : null}
              {item.allergens.length > 0 ? (
                <div className="allergens">
                  {item.allergens.map((a) => (
                    <span key={a} className="allergen">
                      {t(`allergen.${a}`)}
                    </span>
                  ))}
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <footer className="t-foot held-foot">{t('held.wait')}</footer>
    </article>
  );
}

export const HeldCard = memo(HeldCardView);
