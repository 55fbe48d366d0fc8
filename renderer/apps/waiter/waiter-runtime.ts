// Everything the waiter app keeps outside React: the sign-in, the hub's views (floor, menu, the table on
// screen), the live feed that keeps them fresh, and the offline command queue of the person signed in.
import { reportBranchCurrency } from '../../shared/branch-currency.js';
import { createApiClient, NetworkError, type ApiClient } from '../../shared/api-client.js';
import {
  createCommandQueue,
  httpTransport,
  type CommandQueue,
  type CommandTransport,
  type SubmitResult,
} from '../../shared/command-queue.js';
import { createLiveClient, type LiveClient, type LiveStatus } from '../../shared/live-client.js';
import { openPendingStore, type PendingCommand } from '../../shared/pending-store.js';
import { createSessionStore, type SessionStore, type StaffSession } from '../../shared/staff-session.js';
import { createStore, type Store } from '../../shared/use-store.js';
import {
  chargeCard,
  fetchCardTerminal,
  type CardChargeOutcome,
  type CardChargeRequest,
  type CardTerminalStatus,
} from './card-terminal.js';
import { effectsOf, mergeEffects, NO_EFFECTS, touchesSession, type EventEffects } from './event-effects.js';
import type { FloorView, MenuView, SessionDetail } from './hub-types.js';

export interface WatchedSession {
  id: string;
  detail: SessionDetail | null;
  /** The hub no longer knows it (merged away, or a stale link). */
  missing: boolean;
}

export interface WaiterState {
  floor: FloorView | null;
  menu: MenuView | null;
  watched: WatchedSession | null;
  live: LiveStatus;
  /** The hub's card terminal, as last heard; null until the hub has said (card slips until then). */
  cardTerminal: CardTerminalStatus | null;
}

export interface WaiterRuntime {
  api: ApiClient;
  sessions: SessionStore;
  state: Store<WaiterState>;
  pending: Store<readonly PendingCommand[]>;
  /** Signs this person's queue and live feed in; returns the sign-out cleanup. */
  start(staff: StaffSession['staff']): () => void;
  watch(sessionId: string | null): void;
  reloadAll(): Promise<void>;
  submit(type: string, payload: Record<string, unknown>, label: string): Promise<SubmitResult>;
  dismiss(commandId: string): Promise<void>;
  /**
   * Charges a card on the hub's terminal now (never queued: the diner is holding the card). The caller
   * makes `commandId` once per attempt and resends the same one after no answer.
   */
  chargeCard(commandId: string, payload: CardChargeRequest): Promise<CardChargeOutcome>;
  reconnect(): void;
}

/** Events arriving together (a round placed writes several) cost one refetch of each view. */
const COALESCE_MS = 120;
/** A card charge waits for the diner at the terminal (card, PIN): far longer than a command. */
const CARD_CHARGE_TIMEOUT_MS = 120_000;

export function createWaiterRuntime(): WaiterRuntime {
  const sessions = createSessionStore('waiter');
  // Refresh tokens are single use: two refreshes at once would sign the waiter out, so every caller
  // (a 401, the live feed, the keep-fresh timer, the queue) shares the one in flight.
  let refreshing: Promise<StaffSession | null> | null = null;
  const refreshOnce = (): Promise<StaffSession | null> =>
    (refreshing ??= sessions.refresh(api).finally(() => {
      refreshing = null;
    }));
  const api: ApiClient = createApiClient({
    getToken: () => sessions.token(),
    onUnauthorized: () => void refreshOnce(),
  });
  const cardApi: ApiClient = createApiClient({
    getToken: () => sessions.token(),
    onUnauthorized: () => void refreshOnce(),
    timeoutMs: CARD_CHARGE_TIMEOUT_MS,
  });
  const http = httpTransport(api.post);
  /**
   * A command that waited out a long outage goes out with an access token that expired meanwhile: renew
   * the token and send it again (same id, so it cannot double). Without a new token it stays queued
   * rather than being recorded as refused.
   */
  const transport: CommandTransport = async (cmd) => {
    const outcome = await http(cmd);
    if (outcome.ok || outcome.error.code !== 'UNAUTHENTICATED') return outcome;
    const before = sessions.token();
    const renewed = await refreshOnce();
    if (!renewed || renewed.accessToken === before) throw new NetworkError('no valid token yet');
    return http(cmd);
  };
  const NO_STATE: WaiterState = {
    floor: null,
    menu: null,
    watched: null,
    live: 'offline',
    cardTerminal: null,
  };
  const state = createStore<WaiterState>(NO_STATE);
  const pending = createStore<readonly PendingCommand[]>([]);
  let queue: CommandQueue | null = null;
  let live: LiveClient | null = null;
  let effects: EventEffects = NO_EFFECTS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const watchedId = () => state.get().watched?.id ?? null;

  async function loadFloor(): Promise<void> {
    try {
      const floor = await api.get<FloorView>('/api/floor');
      state.set((s) => ({ ...s, floor }));
    } catch {
      // Unreachable: keep showing the last floor; the connection pill says it may be stale.
    }
  }
  async function loadMenu(): Promise<void> {
    try {
      const menu = await api.get<MenuView>('/api/menu');
      // The menu carries the branch's currency (branch settings): every amount on screen follows it.
      reportBranchCurrency(menu.currency);
      state.set((s) => ({ ...s, menu }));
    } catch {
      // As above: the service worker may still answer /api/menu from its cache.
    }
  }
  async function loadSession(id: string): Promise<void> {
    try {
      const detail = await api.get<SessionDetail>(`/api/sessions/${encodeURIComponent(id)}`);
      if (watchedId() === id) state.set((s) => ({ ...s, watched: { id, detail, missing: false } }));
    } catch (err) {
      const notFound = (err as { status?: number }).status === 404;
      if (notFound && watchedId() === id)
        state.set((s) => ({ ...s, watched: { id, detail: null, missing: true } }));
    }
  }
  async function loadCardTerminal(): Promise<void> {
    const cardTerminal = await fetchCardTerminal(api);
    // Unreachable: keep what the hub said last.
    if (cardTerminal) state.set((s) => ({ ...s, cardTerminal }));
  }
  async function reloadAll(): Promise<void> {
    const id = watchedId();
    await Promise.all([loadFloor(), loadMenu(), loadCardTerminal(), id ? loadSession(id) : undefined]);
  }

  function apply(next: EventEffects): void {
    effects = mergeEffects(effects, next);
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const due = effects;
      effects = NO_EFFECTS;
      if (due.floor) void loadFloor();
      if (due.menu) void loadMenu();
      const id = watchedId();
      if (id && touchesSession(due, id)) void loadSession(id);
    }, COALESCE_MS);
  }

  return {
    api,
    sessions,
    state,
    pending,
    start: (staff) => {
      queue = createCommandQueue(openPendingStore(`waiter-${staff.id}`), transport);
      const stopRetry = queue.start();
      const stopPending = queue.subscribe((rows) => pending.set(rows));
      // The shared keepFresh, but through refreshOnce so it never races the other refreshes.
      const freshTimer = setInterval(() => {
        const current = sessions.current();
        if (current && Date.parse(current.expiresAt) - Date.now() < 60_000) void refreshOnce();
      }, 15_000);
      const stopFresh = () => clearInterval(freshTimer);
      const client = createLiveClient({
        getToken: () => sessions.token(),
        // The first feed starts live; the views are fetched over HTTP each time it goes live, and a
        // reconnect resumes from the last event seen (the client keeps that seq).
        afterSeq: () => undefined,
        onEvent: (event) => apply(effectsOf(event)),
        onResync: () => reloadAll(),
        onStatus: (status) => {
          state.set((s) => ({ ...s, live: status }));
          if (status === 'live') {
            void reloadAll();
            void queue?.flush();
          }
        },
        onUnauthorized: () => {
          void refreshOnce().then((s) => s && live?.reconnect());
        },
      });
      live = client;
      void reloadAll();
      return () => {
        client.close();
        stopRetry();
        stopPending();
        stopFresh();
        live = null;
        queue = null;
        pending.set([]);
        state.set(NO_STATE);
      };
    },
    watch: (id) => {
      if (watchedId() === id) return;
      state.set((s) => ({ ...s, watched: id ? { id, detail: null, missing: false } : null }));
      if (id) void loadSession(id);
    },
    reloadAll,
    submit: async (type, payload, label) => {
      if (!queue) throw new Error('not signed in');
      const result = await queue.submit(type, payload, label);
      // The live feed will say the same soon; fetching now makes the tap feel immediate.
      if (result.status === 'done') apply({ floor: true, menu: type === 'PlaceRound', session: true });
      return result;
    },
    dismiss: async (commandId) => {
      await queue?.dismiss(commandId);
    },
    chargeCard: async (commandId, payload) => {
      const outcome = await chargeCard(cardApi, commandId, payload);
      // Whatever the hub decided (recorded, or refused because the check changed) shows on the check now.
      if (outcome.kind !== 'unreachable') apply({ floor: true, menu: false, session: payload.sessionId });
      return outcome;
    },
    reconnect: () => live?.reconnect(),
  };
}
