// One round as the hub has it: number, live state (SUBMITTED → IN_KITCHEN → READY → SERVED), its dishes
// with their own state, and the action that fits: send a diners' cart, confirm it, or mark it served.
// A manager can also void a dish of a sent round, giving the reason.
import { useState } from 'react';
import { localized, useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import type { Tone } from '../../shared/ui/Badge.js';
import type { ItemStatus, ItemView, RoundStatus, RoundView } from './hub-types.js';
import { useCommand } from './runtime-context.js';
import { CheckIcon } from './icons.js';
import { VoidItemDialog } from './VoidItemDialog.js';

const ROUND_TONE: Record<RoundStatus, Tone> = {
  PENDING: 'neutral',
  SUBMITTED: 'info',
  IN_KITCHEN: 'warn',
  READY: 'ok',
  SERVED: 'neutral',
  CANCELED: 'danger',
};
const ITEM_TONE: Record<ItemStatus, Tone> = {
  PENDING: 'neutral',
  HELD: 'info',
  FIRED: 'warn',
  READY: 'ok',
  SERVED: 'neutral',
  VOIDED: 'danger',
};

export function RoundCard(props: {
  round: RoundView;
  tableLabel: string;
  /** The person is a manager and the check is still editable. */
  voidable?: boolean;
}) {
  const { t, lang } = useI18n();
  const run = useCommand();
  const { round, tableLabel } = props;
  const [voiding, setVoiding] = useState<ItemView | null>(null);
  // A diners' cart (PENDING) is not sent yet: its lines are removed, not voided; a canceled round is gone.
  const roundVoidable = !!props.voidable && round.status !== 'PENDING' && round.status !== 'CANCELED';
  const voidItem = async (reason: string) => {
    const item = voiding;
    setVoiding(null);
    if (!item) return;
    const dish = localized(item.name, lang);
    await run('VoidItem', { itemId: item.id, reason }, t('label.void', { dish, table: tableLabel }), {
      done: t('void.done'),
    });
  };
  const readyIds = round.items.filter((i) => i.status === 'READY').map((i) => i.id);
  const label = t('label.served', { table: tableLabel });

  return (
    <section
      className={`round-card round-${round.status}`}
      data-round={round.number}
      data-status={round.status}
    >
      <header className="round-head">
        <strong>
          {round.status === 'PENDING' ? t('rounds.dinerCart') : t('rounds.number', { n: round.number })}
        </strong>
        {round.status !== 'PENDING' ? (
          <span className="muted small" data-round-author>
            {round.source === 'DINER' ? t('rounds.byDiners') : (round.placedBy ?? '')}
          </span>
        ) : null}
        <span className={`badge badge-${ROUND_TONE[round.status]}`} data-round-status>
          {t(`round.${round.status}`)}
        </span>
        <span className="spacer" />
        {round.status === 'PENDING' ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() =>
              void run('SubmitRound', { roundId: round.id }, t('label.submitCart', { table: tableLabel }))
            }
          >
            {t('rounds.sendDinerCart')}
          </Button>
        ) : null}
        {round.status === 'SUBMITTED' ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() =>
              void run('ConfirmRound', { roundId: round.id }, t('label.submitCart', { table: tableLabel }))
            }
          >
            {t('rounds.confirm')}
          </Button>
        ) : null}
        {round.status === 'READY' ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() => void run('MarkServed', { roundId: round.id }, label)}
          >
            <CheckIcon /> {t('rounds.serve')}
          </Button>
        ) : round.status === 'IN_KITCHEN' && readyIds.length > 0 ? (
          <Button
            size="sm"
            variant="primary"
            onClick={() => void run('MarkServed', { roundId: round.id, itemIds: readyIds }, label)}
          >
            <CheckIcon /> {t('rounds.serveReady')}
          </Button>
        ) : null}
      </header>
      <ul className="round-items">
        {round.items.map((i) => (
          <li key={i.id} className={i.status === 'VOIDED' ? 'round-item voided' : 'round-item'}>
            <span className="qty">{i.qty}×</span>
            <span className="grow">
              {localized(i.name, lang)}
              {i.modifiers.length ? (
                <span className="line-sub"> · {i.modifiers.map((m) => m.name).join(', ')}</span>
              ) : null}
              {i.seat ? <span className="line-sub"> · {t('cart.seat', { n: i.seat })}</span> : null}
              {i.notes ? <span className="line-note"> ✎ {i.notes}</span> : null}
            </span>
            <span className={`badge badge-${ITEM_TONE[i.status]}`}>{t(`itemStatus.${i.status}`)}</span>
            {roundVoidable && i.status !== 'VOIDED' ? (
              <Button size="sm" variant="ghost" className="void-btn" onClick={() => setVoiding(i)}>
                {t('void.action')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {voiding ? (
        <VoidItemDialog
          dish={localized(voiding.name, lang)}
          onClose={() => setVoiding(null)}
          onVoid={(reason) => void voidItem(reason)}
        />
      ) : null}
    </section>
  );
}
