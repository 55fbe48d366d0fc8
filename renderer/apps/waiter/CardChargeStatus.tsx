// Where a charge on the hub's card terminal stands, in the payment dialog: waiting for the diner's card,
// charged (approval code and last four, as on the slip), declined or refused (a new attempt, or another
// method), or unanswered (resend the same attempt: it never charges twice).
import { useI18n } from '../../shared/i18n.js';
import type { CardChargeOutcome } from './card-terminal.js';

/** No answer yet from the terminal or the hub: the same command id goes out again. */
export const retryable = (o: CardChargeOutcome): boolean =>
  o.kind === 'unanswered' || o.kind === 'unreachable';

export function CardChargeStatus(props: { waiting: true } | { outcome: CardChargeOutcome }) {
  const { t } = useI18n();
  if ('waiting' in props) {
    return (
      <div className="card-status card-status-waiting" role="status" aria-live="polite" data-card="waiting">
        <span className="card-spinner" aria-hidden="true" />
        <div className="stack-tight">
          <strong>{t('card.waiting')}</strong>
          <span className="small">{t('card.waitingHint')}</span>
        </div>
      </div>
    );
  }
  const o = props.outcome;
  switch (o.kind) {
    case 'approved':
      return (
        <div className="card-status card-status-ok" role="status" aria-live="polite" data-card="approved">
          <div className="stack-tight">
            <strong>{t('card.approved')}</strong>
            <span>{t('card.approvedDetail', { code: o.result.approvalCode, last4: o.result.last4 })}</span>
          </div>
        </div>
      );
    case 'declined':
      return (
        <div className="card-status card-status-danger" role="alert" data-card="declined">
          <div className="stack-tight">
            <strong>
              {t('card.declined')}
              {o.reason ? `: ${o.reason}` : ''}
            </strong>
            <span className="small">{t('card.declinedHint')}</span>
          </div>
        </div>
      );
    case 'refused':
      return (
        <div className="card-status card-status-danger" role="alert" data-card="refused">
          <div className="stack-tight">
            <strong>{t(o.reversed ? 'card.reversed' : 'card.refused')}</strong>
            <span className="small">{o.reason}</span>
            <span className="small">{t('card.refusedHint')}</span>
          </div>
        </div>
      );
    case 'unanswered':
    case 'unreachable':
      return (
        <div className="card-status card-status-warn" role="alert" data-card={o.kind}>
          <div className="stack-tight">
            <strong>{t(`card.${o.kind}`)}</strong>
            <span className="small">{t(`card.${o.kind}Hint`)}</span>
            <span className="small muted">{t('card.leaveHint')}</span>
          </div>
        </div>
      );
  }
}
