// The diner app's state outside React: the table token (kept per join code, so a reload keeps the
// diner), the menu and the diner's own session read from the hub, the live feed that refreshes them
// when anything happens at the table or on the menu, and the offline-first command queue.
import type { MenuView } from './hub-types.js';
import type { DinerSessionView } from '../../../protocol/diner-api.js';
import type { EventEnvelope } from '../../../protocol/events/event.js';
import { ApiError, createApiClient } from '../../shared/api-client.js';
import { createCommandQueue, httpTransport, type SubmitResult } from '../../shared/command-queue.js';
import { createLiveClient, type LiveStatus } from '../../shared/live-client.js';
import { openPendingStore } from '../../shared/pending-store.js';
import { createStore, type Store } from '../../shared/use-store.js';
import { newCommandId } from '../../shared/ids.js';

export interface TableInfo {
  tableLabel: string;
  branchName: string;
  open: boolean;
}

export type Phase =
  | { kind: 'loading' }
  | { kind: 'join'; table: TableInfo | null; error?: string; busy?: boolean }
  | { kind: 'seated' }
  | { kind: 'ended' }
  | { kind: 'bad-code' };

export interface TableState {
  phase: Phase;
  menu: MenuView | null;
  session: DinerSessionView | null;
  live: LiveStatus;
}

interface Saved {
  token: string;
  sessionId: string;
  dinerId: string;
}

/** Events on these aggregates change what the menu shows (prices, 86, stock, categories). */
const MENU_AGGREGATES = new Set(['product', 'category', 'station', 'branch']);

export interface TableRuntime {
  readonly joinCode: string;
  readonly store: Store<TableState>;
  join(name: string): Promise<void>;
  lookUp(): Promise<void>;
  command(type: string, payload: Record<string, unknown>): Promise<SubmitResult>;
  refresh(): Promise<void>;
  leave(): void;
}

export function joinCodeFromPath(pathname: string): string {
  const code = pathname.split('/').filter(Boolean)[1] ?? '';
  return code.toUpperCase();
}

export function createTableRuntime(joinCode: string): TableRuntime {
  const key = `comanda.table.${joinCode}`;
  const read = (): Saved | null => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? 'null') as Saved | null;
    } catch {
      return null;
    }
  };
  let saved = read();
  const store = createStore<TableState>({
    phase: { kind: 'loading' },
    menu: null,
    session: null,
    live: 'offline',
  });
  const patch = (p: Partial<TableState>) => store.set((s) => ({ ...s, ...p }));
  const api = createApiClient({ getToken: () => saved?.token, onUnauthorized: () => ended() });
  // Diners post to their own route: the same envelope and idempotency as staff commands.
  const queue = createCommandQueue(
    openPendingStore(`table-${joinCode}`),
    httpTransport((_path, body) => api.post('/api/diner/commands', body)),
  );
  let live: ReturnType<typeof createLiveClient> | null = null;
  let stopQueue: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let menuStale = false;

  function ended(): void {
    if (!saved) return;
    saved = null;
    localStorage.removeItem(key);
    live?.close();
    live = null;
    patch({ phase: { kind: 'ended' }, session: null });
  }

  async function loadSession(): Promise<void> {
    const session = await api.get<DinerSessionView>('/api/diner/session');
    patch({ session });
  }

  async function loadMenu(): Promise<void> {
    patch({ menu: await api.get<MenuView>('/api/diner/menu') });
  }

  /** Many events arrive together (a round is several): one read of each view after the burst. */
  function scheduleRefresh(event?: EventEnvelope): void {
    if (event && MENU_AGGREGATES.has(event.aggregateType)) menuStale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const menu = menuStale;
      menuStale = false;
      void Promise.all([loadSession(), menu ? loadMenu() : undefined]).catch(() => undefined);
    }, 80);
  }

  function goLive(): void {
    live?.close();
    live = createLiveClient({
      getToken: () => saved?.token,
      afterSeq: () => store.get().session?.lastSeq,
      onEvent: (e) => scheduleRefresh(e),
      onResync: async () => {
        await Promise.all([loadSession(), loadMenu()]);
        return store.get().session?.lastSeq;
      },
      onStatus: (status) => {
        patch({ live: status });
        // Back online: whatever changed while we were away is in the views, and queued commands go out.
        if (status === 'live') void queue.flush();
      },
      onUnauthorized: () => ended(),
    });
  }

  async function seat(): Promise<void> {
    try {
      await Promise.all([loadSession(), loadMenu()]);
      patch({ phase: { kind: 'seated' } });
      stopQueue ??= queue.start();
      goLive();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 404)) return ended();
      // The hub is unreachable: keep trying, the diner sees the connection state.
      patch({ phase: { kind: 'seated' }, live: 'offline' });
      setTimeout(() => void seat(), 3000);
    }
  }

  const joining = () => {
    const p = store.get().phase;
    return (p.kind === 'join' && p.busy === true) || p.kind === 'seated';
  };

  async function lookUp(): Promise<void> {
    if (joining()) return;
    try {
      const table = await api.get<TableInfo>(`/api/diner/tables/${joinCode}`);
      // A join that started meanwhile wins over this (older) look-up.
      if (!joining()) patch({ phase: { kind: 'join', table } });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
        patch({ phase: { kind: 'bad-code' } });
      } else {
        patch({
          phase: { kind: 'join', table: null, error: err instanceof Error ? err.message : String(err) },
        });
      }
    }
  }

  async function join(name: string): Promise<void> {
    const phase = store.get().phase;
    const table = phase.kind === 'join' ? phase.table : null;
    patch({ phase: { kind: 'join', table, busy: true } });
    try {
      const r = await api.post<Saved & { token: string }>('/api/diner/join', {
        commandId: newCommandId(),
        joinCode,
        ...(name.trim() ? { name: name.trim().slice(0, 40) } : {}),
      });
      saved = { token: r.token, sessionId: r.sessionId, dinerId: r.dinerId };
      localStorage.setItem(key, JSON.stringify(saved));
      await seat();
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'NETWORK';
      patch({ phase: { kind: 'join', table, error: code } });
    }
  }

  if (saved) void seat();
  else void lookUp();

  return {
    joinCode,
    store,
    join,
    lookUp,
    refresh: () => Promise.all([loadSession(), loadMenu()]).then(() => undefined),
    async command(type, payload) {
      const result = await queue.submit(type, payload, type);
      // Our own change shows at once; the live feed confirms it for everyone else at the table.
      if (result.status === 'done') scheduleRefresh();
      // A refusal is shown once by the screen that asked; it is not left in the queue to retry.
      if (result.status === 'refused') await queue.dismiss(result.commandId);
      return result;
    },
    leave() {
      ended();
      stopQueue?.();
      void lookUp();
    },
  };
}
