// Who added a line of the shared order: "You", a guest's name (or seat), or the waiter.
import type { DinerLine } from '../../../protocol/diner-api.js';
import { useI18n } from '../../shared/i18n.js';

const HUES = [18, 200, 140, 280, 45, 330, 95, 240];

export function LineAuthor(props: { line: DinerLine }) {
  const { t } = useI18n();
  const by = props.line.addedBy;
  if (!by) return null;
  if (by.kind === 'staff')
    return <span className="t-author t-author-staff">{t('cart.waiter', { name: by.name })}</span>;
  const label = props.line.mine ? t('cart.you') : (by.name ?? t('cart.diner', { seat: by.seat }));
  const initial = (by.name ?? String(by.seat)).slice(0, 1).toUpperCase();
  const hue = HUES[by.seat % HUES.length];
  return (
    <span className={props.line.mine ? 't-author t-author-me' : 't-author'}>
      <span className="t-avatar" style={{ background: `hsl(${hue} 70% 45%)` }} aria-hidden="true">
        {initial}
      </span>
      {label}
    </span>
  );
}
