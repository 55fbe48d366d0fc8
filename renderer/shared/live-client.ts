// The hub's live event stream (docs/PROTOCOL.md): connect with a token, subscribe from the last seq we
// processed, and keep doing so across drops with a jittered backoff. Replay and live arrive as one
// stream without gaps or duplicates, so the app only applies events in order.
import type { EventEnvelope } from '../../protocol/events/event.js';

export type LiveStatus = 'connecting' | 'live' | 'offline' | 'unauthorized';

export interface Welcome {
  principal: Record<string, unknown>;
  allowedTopics: string[];
  defaultTopics: string[];
  lastSeq: number;
}

export interface LiveClientOptions {
  /** ws(s)://host/ws; defaults to this page's host. */
  url?: string;
  getToken: () => string | null | undefined;
  /** Topics to follow; omitted: the principal's defaults. */
  topics?: () => string[] | undefined;
  /** Where to resume from (the app's last applied seq), 0 for everything kept, undefined for live only. */
  afterSeq: () => number | undefined;
  onEvent: (event: EventEnvelope) => void;
  /** The feed stopped or we are too far behind: reload state over HTTP, then return the seq to resume from. */
  onResync?: (lastSeq: number) => Promise<number | void> | number | void;
  onStatus?: (status: LiveStatus) => void;
  onWelcome?: (welcome: Welcome) => void;
  /** The token was refused or revoked (close 4001): refresh it or sign out. */
  onUnauthorized?: () => void;
}

export interface LiveClient {
  readonly status: LiveStatus;
  /** Reconnect now (after a token refresh, or when the person taps "retry"). */
  reconnect(): void;
  /** Send a command frame; resolves with the hub's `result`. */
  command(cmd: { commandId: string; type: string; payload: unknown }): Promise<unknown>;
  close(): void;
}

interface ServerFrame {
  type: string;
  seq?: number;
  event?: EventEnvelope;
  lastSeq?: number;
  reason?: string;
  commandId?: string;
  result?: unknown;
  code?: string;
  message?: string;
}

export function defaultWsUrl(): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/ws`;
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  let socket: WebSocket | null = null;
  let status: LiveStatus = 'offline';
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let lastSeq: number | undefined;
  const waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  function setStatus(next: LiveStatus): void {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  }

  function subscribe(ws: WebSocket): void {
    const afterSeq = lastSeq ?? options.afterSeq();
    const topics = options.topics?.();
    ws.send(
      JSON.stringify({
        type: 'subscribe',
        ...(topics ? { topics } : {}),
        ...(afterSeq !== undefined ? { afterSeq } : {}),
      }),
    );
  }

  function connect(): void {
    if (closed) return;
    const token = options.getToken();
    if (!token) {
      setStatus('unauthorized');
      return;
    }
    setStatus('connecting');
    const url = `${options.url ?? defaultWsUrl()}?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = (msg) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(msg.data)) as ServerFrame;
      } catch {
        return;
      }
      void handle(ws, frame);
    };
    ws.onclose = (ev) => {
      if (socket === ws) socket = null;
      for (const w of waiting.values()) w.reject(new Error('connection lost'));
      waiting.clear();
      if (closed) return;
      if (ev.code === 4001) {
        setStatus('unauthorized');
        options.onUnauthorized?.();
        return;
      }
      setStatus('offline');
      scheduleReconnect();
    };
  }

  async function handle(ws: WebSocket, frame: ServerFrame): Promise<void> {
    switch (frame.type) {
      case 'welcome':
        failures = 0;
        options.onWelcome?.(frame as unknown as Welcome);
        subscribe(ws);
        return;
      case 'subscribed':
        setStatus('live');
        return;
      case 'event':
        if (frame.event && frame.seq !== undefined) {
          if (lastSeq !== undefined && frame.seq <= lastSeq) return; // already applied
          lastSeq = frame.seq;
          options.onEvent(frame.event);
        }
        return;
      case 'resync': {
        const fresh = await options.onResync?.(frame.lastSeq ?? 0);
        if (frame.reason === 'too-far-behind' || frame.reason === 'ahead-of-hub') {
          lastSeq = typeof fresh === 'number' ? fresh : (frame.lastSeq ?? 0);
        }
        if (socket === ws) subscribe(ws);
        return;
      }
      case 'result':
        if (frame.commandId) {
          waiting.get(frame.commandId)?.resolve(frame.result);
          waiting.delete(frame.commandId);
        }
        return;
      case 'error':
        if (frame.commandId) {
          waiting
            .get(frame.commandId)
            ?.resolve({ ok: false, error: { code: frame.code, message: frame.message } });
          waiting.delete(frame.commandId);
        }
        return;
      default:
        return;
    }
  }

  function scheduleReconnect(): void {
    clearTimeout(timer);
    failures += 1;
    // Full jitter: a whole floor of tablets coming back at once spreads out instead of stampeding.
    const ceiling = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
    timer = setTimeout(connect, Math.random() * ceiling);
  }

  const onOnline = () => {
    if (!socket && !closed) {
      clearTimeout(timer);
      connect();
    }
  };
  globalThis.addEventListener?.('online', onOnline);
  connect();

  return {
    get status() {
      return status;
    },
    reconnect: () => {
      clearTimeout(timer);
      failures = 0;
      socket?.close();
      socket = null;
      connect();
    },
    command: (cmd) =>
      new Promise((resolve, reject) => {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
          reject(new Error('not connected'));
          return;
        }
        waiting.set(cmd.commandId, { resolve, reject });
        socket.send(JSON.stringify({ type: 'command', command: cmd }));
      }),
    close: () => {
      closed = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', onOnline);
      socket?.close();
      setStatus('offline');
    },
  };
}
