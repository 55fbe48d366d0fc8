// What this device did that the hub has not confirmed yet: each line says waiting, sending or refused.
import type { PendingCommand } from '../pending-store.js';
import { LineIcon } from './LineIcon.js';

export function PendingList(props: {
  pending: readonly PendingCommand[];
  labels: { queued: string; sending: string; failed: string; dismiss: string };
  onDismiss: (commandId: string) => void;
}) {
  if (props.pending.length === 0) return null;
  return (
    <div className="pending-list" aria-live="polite">
      {props.pending.map((p) => (
        <div key={p.commandId} className={p.state === 'failed' ? 'pending-item failed' : 'pending-item'}>
          <StateIcon state={p.state} />
          <span style={{ flex: 1 }}>
            {p.label}
            <br />
            <small>
              {p.state === 'failed'
                ? `${props.labels.failed}: ${p.error?.message ?? ''}`
                : props.labels[p.state]}
            </small>
          </span>
          {p.state === 'failed' ? (
            <button className="btn btn-sm btn-ghost" onClick={() => props.onDismiss(p.commandId)}>
              {props.labels.dismiss}
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** Drawn, not emoji: kiosk browsers often lack an emoji font and show empty boxes. */
function StateIcon(props: { state: PendingCommand['state'] }) {
  if (props.state === 'failed') {
    return (
      <LineIcon size={18} strokeWidth={2.2}>
        <path d="M12 3 2 21h20L12 3z" />
        <path d="M12 10v5M12 18v.5" />
      </LineIcon>
    );
  }
  if (props.state === 'sending') {
    return (
      <LineIcon size={18} strokeWidth={2.2}>
        <path d="M20 12a8 8 0 1 1-3-6.2M20 4v5h-5" />
      </LineIcon>
    );
  }
  return (
    <LineIcon size={18} strokeWidth={2.2}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </LineIcon>
  );
}
