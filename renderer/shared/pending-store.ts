// Commands waiting for the hub, kept in IndexedDB so a reload, a crash or a dead battery loses none.
// Each keeps the id it was made with: resending it after the hub already ran it returns the first result.

export type PendingState = 'queued' | 'sending' | 'failed';

export interface PendingCommand {
  commandId: string;
  type: string;
  payload: Record<string, unknown>;
  /** What the person did, in their words ("2× Croquetas, table 5"), for the pending list. */
  label: string;
  createdAt: number;
  state: PendingState;
  attempts: number;
  /** Set when the hub refused it (it will not be retried): shown until the person dismisses it. */
  error?: { code: string; message: string };
}

export interface PendingStore {
  all(): Promise<PendingCommand[]>;
  put(cmd: PendingCommand): Promise<void>;
  remove(commandId: string): Promise<void>;
}

const STORE = 'pending';

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** One database per app (and per signed-in person, via `name`), one object store keyed by command id. */
export function openPendingStore(name: string): PendingStore {
  if (typeof indexedDB === 'undefined') return memoryPendingStore();
  const opened = new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(`comanda-${name}`, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'commandId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
  async function tx(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await opened).transaction(STORE, mode).objectStore(STORE);
  }
  return {
    all: async () => {
      const rows = (await promisify((await tx('readonly')).getAll())) as PendingCommand[];
      return rows.sort((a, b) => a.createdAt - b.createdAt);
    },
    put: async (cmd) => {
      await promisify((await tx('readwrite')).put(cmd));
    },
    remove: async (commandId) => {
      await promisify((await tx('readwrite')).delete(commandId));
    },
  };
}

/** For tests and for browsers without IndexedDB (private modes): same behaviour, lost on reload. */
export function memoryPendingStore(): PendingStore {
  const rows = new Map<string, PendingCommand>();
  return {
    all: async () => [...rows.values()].sort((a, b) => a.createdAt - b.createdAt),
    put: async (cmd) => void rows.set(cmd.commandId, { ...cmd }),
    remove: async (id) => void rows.delete(id),
  };
}
