// Which views one live event makes stale. The waiter app does not replay events into its own copy of
// the hub's rules (table state, check totals): it refetches the affected view, coalesced, so what it
// shows is always what the hub computed.
export interface EventLike {
  aggregateType: string;
  type: string;
  data?: unknown;
}

export interface EventEffects {
  floor: boolean;
  menu: boolean;
  /** Refetch the session on screen: true, false, or only if it is this session id. */
  session: boolean | string;
}

const MENU = new Set(['branch', 'category', 'station', 'product']);
const FLOOR_ONLY = new Set(['sector', 'table']);
const SERVICE = new Set(['session', 'round', 'ticket', 'serviceCall']);

export function effectsOf(event: EventLike): EventEffects {
  if (MENU.has(event.aggregateType)) return { floor: false, menu: true, session: false };
  if (FLOOR_ONLY.has(event.aggregateType)) return { floor: true, menu: false, session: false };
  if (!SERVICE.has(event.aggregateType)) return { floor: false, menu: false, session: false };
  const data = (event.data ?? {}) as { sessionId?: unknown; intoSessionId?: unknown; toSessionId?: unknown };
  // A merge or a moved round touches two sessions: refetch whichever is on screen.
  if (event.type === 'SessionMerged' || event.type === 'RoundMoved') {
    return { floor: true, menu: false, session: true };
  }
  // Events that name their session touch only it; round and ticket events name only their round or
  // ticket, which may belong to the session on screen.
  const session = typeof data.sessionId === 'string' ? data.sessionId : true;
  return { floor: true, menu: false, session };
}

/** Merges effects so a burst of events costs one refetch of each view. */
export function mergeEffects(a: EventEffects, b: EventEffects): EventEffects {
  let session: boolean | string;
  if (a.session === true || b.session === true) session = true;
  else if (a.session === false) session = b.session;
  else if (b.session === false || a.session === b.session) session = a.session;
  else session = true;
  return { floor: a.floor || b.floor, menu: a.menu || b.menu, session };
}

export function touchesSession(effects: EventEffects, sessionId: string | null): boolean {
  if (!sessionId) return false;
  return effects.session === true || effects.session === sessionId;
}

export const NO_EFFECTS: EventEffects = { floor: false, menu: false, session: false };
