// The table's open service calls, on top of the table screen: "On my way" acknowledges (the diner's
// phone shows it), "Done" resolves.
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import type { ServiceCallView } from './hub-types.js';
import { useCommand } from './runtime-context.js';
import { BellIcon, CheckIcon } from './icons.js';

export function CallsBanner(props: { calls: readonly ServiceCallView[]; tableLabel: string }) {
  const { t } = useI18n();
  const run = useCommand();
  if (props.calls.length === 0) return null;
  return (
    <div className="calls-banner" role="alert">
      {props.calls.map((c) => (
        <div key={c.id} className={`call call-${c.status}`}>
          <span className="call-icon" aria-hidden="true">
            <BellIcon />
          </span>
          <strong className="grow">
            {t(`calls.${c.kind}`)}
            {c.status === 'ACKNOWLEDGED' ? <span className="muted"> · {t('calls.acknowledged')}</span> : null}
          </strong>
          {c.status === 'OPEN' ? (
            <Button
              variant="primary"
              onClick={() =>
                void run(
                  'AcknowledgeServiceCall',
                  { callId: c.id },
                  t('label.ack', { table: props.tableLabel }),
                )
              }
            >
              {t('calls.ack')}
            </Button>
          ) : null}
          <Button
            onClick={() =>
              void run(
                'ResolveServiceCall',
                { callId: c.id },
                t('label.resolve', { table: props.tableLabel }),
              )
            }
          >
            <CheckIcon /> {t('calls.resolve')}
          </Button>
        </div>
      ))}
    </div>
  );
}
