// Live / reconnecting / no hub, always visible in the top bar: staff must know when what they see is stale.
import type { LiveStatus } from '../live-client.js';

export function ConnectionPill(props: { status: LiveStatus; labels: Record<LiveStatus, string> }) {
  const cls = props.status === 'unauthorized' ? 'offline' : props.status;
  return (
    <span className={`conn conn-${cls}`} role="status" aria-live="polite">
      <span className="conn-dot" aria-hidden="true" />
      {props.labels[props.status]}
    </span>
  );
}
