// Sends commands to the hub, offline-first: every command is written to the pending store before the
// first attempt, leaves it only when the hub has answered, and is retried (same id) while the hub is
// unreachable. A refusal (4xx) is kept as failed so the person sees what did not happen and why.
import { ApiError, NetworkError } from './api-client.js';
import { newCommandId } from './ids.js';
import type { PendingCommand, PendingStore } from './pending-store.js';

export interface CommandOk {
  ok: true;
  data: unknown;
  seq: number;
}
export interface CommandRefused {
  ok: false;
  error: { code: string; message: string; details?: unknown };
}
export type CommandOutcome = CommandOk | CommandRefused;

/** How one command reaches the hub: POST /api/commands, or a `command` frame on the live socket. */
export type CommandTransport = (cmd: {
  commandId: string;
  type: string;
  payload: Record<string, unknown>;
}) => Promise<CommandOutcome>;

export interface SubmitResult {
  commandId: string;
  /** 'done' (the hub ran it), 'refused' (it said no), or 'queued' (unreachable: it will be retried). */
  status: 'done' | 'refused' | 'queued';
  outcome?: CommandOutcome;
}

export interface CommandQueue {
  submit(type: string, payload: Record<string, unknown>, label?: string): Promise<SubmitResult>;
  /** Retry everything queued (called on reconnect, on `online`, and by a timer). */
  flush(): Promise<void>;
  dismiss(commandId: string): Promise<void>;
  pending(): readonly PendingCommand[];
  subscribe(listener: (pending: readonly PendingCommand[]) => void): () => void;
  /** Start the retry timer; returns a stop function. */
  start(intervalMs?: number): () => void;
}

export function httpTransport(post: (path: string, body: unknown) => Promise<unknown>): CommandTransport {
  return async (cmd) => {
    try {
      return (await post('/api/commands', cmd)) as CommandOk;
    } catch (err) {
      // A refusal is an answer (the command ran and was rejected); unreachable stays an exception.
      if (err instanceof ApiError && !err.retryable) {
        return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
      }
      throw err;
    }
  };
}

export function createCommandQueue(store: PendingStore, transport: CommandTransport): CommandQueue {
  let rows: PendingCommand[] = [];
  const listeners = new Set<(p: readonly PendingCommand[]) => void>();
  /**
   * Every send runs on this one chain, one at a time, in the order asked for. A command must not pass
   * one made before it that is still on its way: a cook's recall sent while the bump before it hangs
   * on a dying connection reaches the hub first and is refused ("cannot recall a ticket that is NEW").
   */
  let chain: Promise<unknown> = Promise.resolve();
  /** A flush waiting on the chain: asking again (timer, `online`, back live) joins it. */
  let flushWaiting: Promise<void> | null = null;
  /** Submits still waiting for their answer, with it once a flush has sent their command for them. */
  const awaited = new Map<string, SubmitResult | null>();
  /** createdAt only grows, so two commands made in one millisecond still sort (and reload) in order. */
  let lastCreatedAt = 0;
  const loaded = store.all().then((all) => {
    // A command caught mid-send by a reload goes back to the queue: its id makes the resend safe.
    rows = all.map((r) => (r.state === 'sending' ? { ...r, state: 'queued' } : r));
    lastCreatedAt = Math.max(lastCreatedAt, ...rows.map((r) => r.createdAt));
    emit();
  });

  function serially<T>(job: () => Promise<T>): Promise<T> {
    const run = chain.then(job);
    chain = run.catch(() => undefined);
    return run;
  }
  function emit(): void {
    const snapshot = [...rows];
    for (const l of listeners) l(snapshot);
  }
  async function save(row: PendingCommand): Promise<void> {
    rows = rows.some((r) => r.commandId === row.commandId)
      ? rows.map((r) => (r.commandId === row.commandId ? row : r))
      : [...rows, row];
    emit();
    await store.put(row);
  }
  async function drop(commandId: string): Promise<void> {
    rows = rows.filter((r) => r.commandId !== commandId);
    emit();
    await store.remove(commandId);
  }

  async function attempt(row: PendingCommand): Promise<SubmitResult> {
    const result = await attemptOnce(row);
    if (awaited.has(row.commandId)) awaited.set(row.commandId, result);
    return result;
  }
  async function attemptOnce(row: PendingCommand): Promise<SubmitResult> {
    await save({ ...row, state: 'sending', attempts: row.attempts + 1 });
    try {
      const outcome = await transport({ commandId: row.commandId, type: row.type, payload: row.payload });
      if (outcome.ok) {
        await drop(row.commandId);
        return { commandId: row.commandId, status: 'done', outcome };
      }
      await save({ ...row, state: 'failed', attempts: row.attempts + 1, error: outcome.error });
      return { commandId: row.commandId, status: 'refused', outcome };
    } catch (err) {
      if (!(err instanceof NetworkError) && !(err instanceof ApiError)) console.error(err);
      await save({ ...row, state: 'queued', attempts: row.attempts + 1 });
      return { commandId: row.commandId, status: 'queued' };
    }
  }

  /** On the chain: the queued commands in creation order, stopping at the first the hub did not answer. */
  async function sendQueued(): Promise<void> {
    for (const queued of rows.filter((r) => r.state === 'queued')) {
      const row = rows.find((r) => r.commandId === queued.commandId);
      if (row?.state !== 'queued') continue; // dismissed meanwhile
      const result = await attempt(row);
      if (result.status === 'queued') break; // still unreachable: keep the order, try later
    }
  }

  async function flush(): Promise<void> {
    await loaded;
    flushWaiting ??= serially(async () => {
      flushWaiting = null;
      await sendQueued();
    });
    return flushWaiting;
  }

  return {
    submit: async (type, payload, label = type) => {
      await loaded;
      lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
      const row: PendingCommand = {
        commandId: newCommandId(),
        type,
        payload,
        label,
        createdAt: lastCreatedAt,
        state: 'queued',
        attempts: 0,
      };
      awaited.set(row.commandId, null);
      await save(row);
      return serially(async (): Promise<SubmitResult> => {
        const index = rows.findIndex((r) => r.commandId === row.commandId);
        const current = rows[index];
        // A flush ahead of us on the chain may have sent it already (or it was dismissed meanwhile).
        if (current?.state !== 'queued') {
          return awaited.get(row.commandId) ?? { commandId: row.commandId, status: 'queued' };
        }
        // Behind an earlier command the hub has not taken yet: it goes first, on the next flush.
        if (rows.slice(0, index).some((r) => r.state === 'queued')) {
          void flush();
          return { commandId: row.commandId, status: 'queued' };
        }
        return attempt(current);
      }).finally(() => awaited.delete(row.commandId));
    },
    flush,
    dismiss: drop,
    pending: () => rows,
    subscribe: (listener) => {
      listeners.add(listener);
      listener([...rows]);
      return () => listeners.delete(listener);
    },
    start: (intervalMs = 3000) => {
      const timer = setInterval(() => void flush(), intervalMs);
      const online = () => void flush();
      globalThis.addEventListener?.('online', online);
      return () => {
        clearInterval(timer);
        globalThis.removeEventListener?.('online', online);
      };
    },
  };
}
