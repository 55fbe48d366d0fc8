// A round already sent: its number, where it is (waiting for the waiter, in the kitchen, ready,
// served) and its lines with who ordered each.
import type { DinerSessionView } from '../../../protocol/diner-api.js';
import { localized, useI18n } from '../../shared/i18n.js';
import { Badge, type Tone } from '../../shared/ui/Badge.js';
import { LineAuthor } from './LineAuthor.js';

const TONE: Record<string, Tone> = {
  SUBMITTED: 'warn',
  IN_KITCHEN: 'info',
  READY: 'ok',
  SERVED: 'neutral',
  CANCELED: 'danger',
  PENDING: 'neutral',
};

export function RoundCard(props: { round: DinerSessionView['rounds'][number] }) {
  const { t, lang, money } = useI18n();
  const r = props.round;
  return (
    <section className="card t-round" aria-label={t('round.title', { n: r.number })}>
      <header className="t-round-head">
        <strong>{t('round.title', { n: r.number })}</strong>
        <Badge tone={TONE[r.status] ?? 'neutral'}>{t(`round.${r.status}`)}</Badge>
      </header>
      <ul className="t-round-lines">
        {r.items.map((i) => (
          <li key={i.id} className={r.status === 'CANCELED' ? 't-struck' : undefined}>
            <span className="t-round-qty">{i.qty}×</span>
            <span className="spacer">
              {localized(i.name, lang)}
              <LineAuthor line={i} />
            </span>
            <span>{money(i.lineTotalCents)}</span>
          </li>
        ))}
      </ul>
      {r.status === 'SUBMITTED' ? <p className="muted t-small t-round-note">{t('round.notBilled')}</p> : null}
    </section>
  );
}
