// Keeps the board in step with the hub: reads it over HTTP (GET /api/kitchen/board, one snapshot with
// its lastSeq), then follows the live feed from exactly there, and reads again on a resync. A new
// ticket arrives on the feed with item ids only, so its items come from a read right after it.
import { ApiError, type ApiClient } from '../../shared/api-client.js';
import { createLiveClient, type LiveClient, type LiveStatus } from '../../shared/live-client.js';
import { createStore, type Store } from '../../shared/use-store.js';
import { emptyBoard, type BoardState, type BoardTicket, type KitchenBoardView } from './board-types.js';
import { applyConfirmed, applyEvent, mergeBoard, type KitchenEvent } from './ticket-reducer.js';

export interface BoardController {
  readonly board: Store<BoardState>;
  readonly status: Store<LiveStatus>;
  /** The station shown; null is expo (every station). A paired screen gets its own from the hub. */
  readonly station: Store<string | null>;
  /** Station names, from the board (a paired screen cannot read the menu). */
  readonly stations: Store<ReadonlyArray<{ id: string; name: string }>>;
  setStation(station: string | null): void;
  refresh(): Promise<void>;
  /** The hub ran one of this screen's commands: show its effect now (see applyConfirmed). */
  confirmed(eventType: string, data: Record<string, unknown>): void;
  /** Reads the board and follows the feed; returns stop. Restartable (React StrictMode mounts twice). */
  start(): () => void;
  /** Tickets that arrived live (not the first load): the screen beeps and flashes. */
  onNewTickets(listener: (tickets: BoardTicket[]) => void): () => void;
  stop(): void;
}

export interface BoardControllerOptions {
  api: ApiClient;
  /** The token for the live feed (device or staff). */
  getToken: () => string | null;
  station: string | null;
  /** The hub refused the token (expired staff session, revoked device). */
  onUnauthorized: () => void;
  /** How often to re-read while live: held courses and fired ones are not on the kitchen topics. */
  pollMs?: number;
}

export function createBoardController(options: BoardControllerOptions): BoardController {
  const board = createStore<BoardState>(emptyBoard);
  const status = createStore<LiveStatus>('connecting');
  const station = createStore<string | null>(options.station);
  const stations = createStore<ReadonlyArray<{ id: string; name: string }>>([]);
  const listeners = new Set<(t: BoardTicket[]) => void>();
  let live: LiveClient | null = null;
  let stopped = true;
  let poll: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<void> | null = null;
  let again = false;
  let refreshSoon: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const path = () => {
    const s = station.get();
    return s ? `/api/kitchen/board?station=${encodeURIComponent(s)}` : '/api/kitchen/board';
  };

  async function read(initial: boolean): Promise<number> {
    const gen = generation;
    const view = await options.api.get<KitchenBoardView>(path());
    if (gen !== generation || stopped) return board.get().lastSeq;
    if (view.station !== station.get()) station.set(view.station); // a paired screen's own station
    if (JSON.stringify(view.stations) !== JSON.stringify(stations.get())) stations.set(view.stations);
    flush();
    board.set((prev) => mergeBoard(initial ? emptyBoard : prev, view, { initial }));
    return view.lastSeq;
  }

  function refresh(): Promise<void> {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = read(false)
      .then(() => undefined)
      .catch(() => undefined) // the next event, poll or reconnect reads again
      .finally(() => {
        refreshing = null;
        if (again) {
          again = false;
          void refresh();
        }
      });
    return refreshing;
  }

  // Events are applied at once but handed to React in batches: a burst (a table of eight, a replay
  // after a drop) renders the board once instead of once per event.
  let working: BoardState | null = null;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  function flush(): void {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (working) board.set(working);
    working = null;
  }
  const current = () => working ?? board.get();

  function onEvent(event: KitchenEvent): void {
    const before = current();
    const after = applyEvent(before, event);
    if (after === before) return;
    working = after;
    flushTimer ??= setTimeout(flush, 0);
    if (
      event.type === 'TicketCreated' ||
      (event.type === 'TicketRecalled' && after.tickets === before.tickets)
    ) {
      // Items are not in the event: read them at once (coalesced when a round makes several tickets).
      clearTimeout(refreshSoon);
      refreshSoon = setTimeout(() => void refresh(), 15);
    }
    if (event.type === 'TicketCreated') {
      const id = (event.data as { ticketId?: string }).ticketId;
      const ticket = id ? after.tickets[id] : undefined;
      if (ticket && ticket !== before.tickets[id!]) for (const l of listeners) l([ticket]);
    }
  }

  function openLive(): void {
    live?.close();
    const s = station.get();
    live = createLiveClient({
      getToken: options.getToken,
      topics: () => [s ? `kitchen:${s}` : 'expo'],
      afterSeq: () => current().lastSeq,
      onEvent: (e) => onEvent(e as unknown as KitchenEvent),
      onResync: async () => read(true),
      onStatus: (next) => {
        status.set(next);
        if (next === 'live') void refresh(); // after a drop: held courses and late details catch up
      },
      onUnauthorized: options.onUnauthorized,
    });
  }

  async function boot(): Promise<void> {
    clearTimeout(retry);
    const gen = generation;
    try {
      await read(true);
      if (gen !== generation || stopped) return;
      openLive();
    } catch (err) {
      if (gen !== generation || stopped) return;
      if (err instanceof ApiError && err.status === 401) {
        status.set('unauthorized');
        options.onUnauthorized();
      } else {
        status.set('offline');
      }
      retry = setTimeout(() => void boot(), 2000);
    }
  }

  function stop(): void {
    stopped = true;
    generation += 1;
    clearTimeout(retry);
    clearTimeout(refreshSoon);
    clearInterval(poll);
    live?.close();
    live = null;
    flush();
  }

  return {
    board,
    status,
    station,
    stations,
    setStation(next) {
      if (next === station.get()) return;
      generation += 1;
      live?.close();
      live = null;
      station.set(next);
      working = null;
      board.set(emptyBoard);
      status.set('connecting');
      if (!stopped) void boot();
    },
    refresh,
    confirmed(eventType, data) {
      working = applyConfirmed(current(), eventType, data);
      flush();
    },
    onNewTickets(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (!stopped) return stop;
      stopped = false;
      generation += 1;
      poll = setInterval(() => {
        if (status.get() === 'live') void refresh();
      }, options.pollMs ?? 20_000);
      void boot();
      return stop;
    },
    stop,
  };
}
