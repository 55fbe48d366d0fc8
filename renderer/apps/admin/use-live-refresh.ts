// The `admin` topic of the live feed, used only as a change signal: any event marks the pages' data
// stale, and a reconnect refetches (events may have been missed while away). The pages themselves read
// over HTTP, so the admin needs no event reducers of its own.
import { useEffect, useState } from 'react';
import { createLiveClient, type LiveStatus } from '../../shared/live-client.js';
import { useAdmin } from './admin-services.js';
import { markStale, refreshNow } from './data-freshness.js';

/**
 * The service itself (seatings, rounds, tickets, calls) shows on no admin page: during a busy night those
 * events would only refetch the catalog for nothing. Stock running down is a product event, so it counts.
 */
const NOT_SHOWN = new Set(['session', 'round', 'ticket', 'serviceCall']);

export function useLiveRefresh(enabled: boolean): LiveStatus {
  const { sessions, api } = useAdmin();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!enabled) return;
    let wasLive = false;
    const live = createLiveClient({
      getToken: () => sessions.token(),
      topics: () => ['admin'],
      afterSeq: () => undefined,
      onEvent: (event) => {
        if (!NOT_SHOWN.has(event.aggregateType)) markStale();
      },
      onResync: () => refreshNow(),
      onStatus: (next) => {
        setStatus(next);
        if (next === 'live' && wasLive) refreshNow();
        if (next === 'live') wasLive = true;
      },
      onUnauthorized: () => {
        void sessions.refresh(api).then(() => live.reconnect());
      },
    });
    return () => live.close();
  }, [enabled, sessions, api]);
  return status;
}
