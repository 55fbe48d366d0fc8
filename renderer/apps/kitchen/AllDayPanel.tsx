// All-day counts beside the board: each dish still to make, with the big number first.
import { memo } from 'react';
import { localized, useI18n } from '../../shared/i18n.js';
import type { AllDayLine } from './all-day.js';

function AllDayPanelView(props: { lines: readonly AllDayLine[] }) {
  const { t, lang } = useI18n();
  const anyHeld = props.lines.some((l) => l.held > 0);
  return (
    <aside className="allday" aria-label={t('allday.title')}>
      <h2>
        {t('allday.title')} <kbd>A</kbd>
      </h2>
      {props.lines.length === 0 ? <p className="muted">{t('allday.empty')}</p> : null}
      <table>
        {anyHeld ? (
          <thead>
            <tr>
              <th />
              <th>{t('allday.open')}</th>
              <th>{t('allday.held')}</th>
            </tr>
          </thead>
        ) : null}
        <tbody>
          {props.lines.map((l) => (
            <tr key={l.key} className={l.open === 0 ? 'only-held' : undefined}>
              <td className="ad-name">{localized(l.name, lang)}</td>
              <td className="ad-open">{l.open > 0 ? l.open : '–'}</td>
              {anyHeld ? <td className="ad-held">{l.held > 0 ? l.held : ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}

export const AllDayPanel = memo(AllDayPanelView);
