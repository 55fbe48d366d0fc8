// What this device did that the hub has not confirmed yet: each line says waiting, sending or refused.
import type { PendingCommand } from '../pending-store.js';

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
          <span>{p.state === 'failed' ? '⚠' : p.state === 'sending' ? '↻' : '⏳'}</span>
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
