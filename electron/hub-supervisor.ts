// Keeps the hub process alive for the desktop shell: start, wait for /readyz, restart with
// backoff when it dies, and on quit stop it gently (SIGTERM, grace period, then SIGKILL).
// Plain Node on purpose (no Electron imports), so it is tested against a real hub in `npm test`.
//
//   start()                  ready          crash (not stopping)
//  stopped ──► starting ──────────► ready ────────────────► restarting ──► (respawn) ──► ready
//                 │                   ▲                        │   │
//                 │ too many failed   └────────────────────────┘   │ too many failed starts
//                 └───────────────────────────► failed ◄───────────┘
//  any state ── stop() ──► stopping ──► stopped        (never restarts after stop())
import {
  isPermanentSpawnFailure,
  spawnHubProcess,
  type HubProcess,
  type HubStream,
  type TerminateResult,
} from './hub-process.js';
import { hubBaseUrl, waitUntilReady } from './hub-readiness.js';
import { RestartBackoff, type BackoffPolicy } from './restart-backoff.js';
import { TypedEmitter } from './typed-emitter.js';

export type HubState = 'starting' | 'ready' | 'restarting' | 'stopping' | 'stopped' | 'failed';

/** What the supervisor says about itself; pino's logger fits. */
export interface SupervisorLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface HubSupervisorOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Base environment for the hub (default: this process's); PORT, HOST and COMANDA_DATA_DIR go on top. */
  readonly env?: NodeJS.ProcessEnv;
  readonly dataDir: string;
  /** Port for the first start; 0 or absent means any free port. Restarts reuse the port the hub announced. */
  readonly port?: number;
  readonly host?: string;
  /** How long one start may take, from spawn to /readyz 200, before it counts as a failed start. */
  readonly readyTimeoutMs: number;
  /** `resetAfterMs`: how long the hub must stay ready before earlier crashes stop growing the delay. */
  readonly backoff: BackoffPolicy & { readonly resetAfterMs?: number };
  /** How long stop() waits after SIGTERM before SIGKILL. */
  readonly stopGraceMs?: number;
  readonly readyPollMs?: number;
  /** Consecutive starts that never became ready before the supervisor gives up ('failed'). */
  readonly maxFailedStarts?: number;
  readonly logger?: SupervisorLogger;
}

export interface HubExitReport {
  readonly pid: number | undefined;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the exit was asked for by stop() or by a start that timed out. */
  readonly expected: boolean;
  readonly wasReady: boolean;
}

export interface HubSupervisorEvents {
  state: { readonly state: HubState; readonly previous: HubState };
  exit: HubExitReport;
  log: { readonly stream: HubStream; readonly line: string; readonly pid: number | undefined };
  'restart-scheduled': { readonly delayMs: number; readonly attempt: number };
}

/** `clean`: the hub exited by itself with code 0 within the grace period (or nothing was running). */
export type StopResult = TerminateResult;

export interface HubSupervisor {
  start(): Promise<void>;
  stop(): Promise<StopResult>;
  readonly state: HubState;
  readonly port: number | undefined;
  readonly baseUrl: string | undefined;
  readonly pid: number | undefined;
  /** Restarts after unexpected exits or failed starts. */
  readonly restarts: number;
  on: TypedEmitter<HubSupervisorEvents>['on'];
  off: TypedEmitter<HubSupervisorEvents>['off'];
}

const silentLogger: SupervisorLogger = { info() {}, warn() {}, error() {} };

export function createHubSupervisor(options: HubSupervisorOptions): HubSupervisor {
  const events = new TypedEmitter<HubSupervisorEvents>();
  const logger = options.logger ?? silentLogger;
  const backoff = new RestartBackoff(options.backoff);
  const resetAfterMs = options.backoff.resetAfterMs ?? 60_000;
  const stopGraceMs = options.stopGraceMs ?? 10_000;
  const readyPollMs = options.readyPollMs ?? 100;
  const maxFailedStarts = options.maxFailedStarts ?? 10;

  let state: HubState = 'stopped';
  let port = options.port !== undefined && options.port > 0 ? options.port : undefined;
  let child: HubProcess | undefined;
  let readyChild: HubProcess | undefined;
  let timedOutChild: HubProcess | undefined;
  let restarts = 0;
  let failedStarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let resetTimer: NodeJS.Timeout | undefined;
  let startPromise: Promise<void> | undefined;
  let stopPromise: Promise<StopResult> | undefined;
  let settleStart: { resolve: () => void; reject: (error: Error) => void } | undefined;

  const baseUrl = (): string | undefined => (port === undefined ? undefined : hubBaseUrl(options.host, port));

  const setState = (next: HubState): void => {
    if (next === state) return;
    const previous = state;
    state = next;
    events.emit('state', { state: next, previous });
  };

  const fail = (reason: string): void => {
    logger.error({ failedStarts }, `hub supervisor gave up: ${reason}`);
    setState('failed');
    settleStart?.reject(new Error(`hub did not start: ${reason}`));
    settleStart = undefined;
  };

  const launch = async (): Promise<void> => {
    const deadline = Date.now() + options.readyTimeoutMs;
    const current = spawnHubProcess({
      command: options.command,
      args: options.args,
      cwd: options.cwd,
      env: {
        ...(options.env ?? process.env),
        PORT: String(port ?? 0),
        COMANDA_DATA_DIR: options.dataDir,
        ...(options.host === undefined ? {} : { HOST: options.host }),
      },
      onLine: (stream, line) => events.emit('log', { stream, line, pid: current.pid }),
    });
    child = current;
    void current.exited.then(() => onExit(current));
    logger.info({ pid: current.pid, port: port ?? 0 }, 'hub spawned');

    let readyPort: number | null;
    try {
      readyPort = await waitUntilReady(current, {
        host: options.host,
        deadline,
        pollMs: readyPollMs,
        cancelled: () => stopPromise !== undefined,
      });
    } catch (error) {
      // Killed rather than asked to stop: it never took a command, and SQLite is crash-safe.
      logger.warn({ pid: current.pid, err: String(error) }, 'hub start timed out; killing it');
      timedOutChild = current;
      current.signal('SIGKILL');
      return;
    }
    if (readyPort === null) return;
    port = readyPort;
    readyChild = current;
    failedStarts = 0;
    logger.info({ pid: current.pid, port }, 'hub ready');
    setState('ready');
    settleStart?.resolve();
    settleStart = undefined;
    resetTimer = setTimeout(() => backoff.reset(), resetAfterMs);
    resetTimer.unref();
  };

  const onExit = (exited: HubProcess): void => {
    if (child !== exited || exited.exit === undefined) return;
    child = undefined;
    clearTimeout(resetTimer);
    const { code, signal, spawnError } = exited.exit;
    const wasReady = readyChild === exited;
    const stopping = stopPromise !== undefined;
    events.emit('exit', {
      pid: exited.pid,
      code,
      signal,
      expected: stopping || timedOutChild === exited,
      wasReady,
    });
    if (stopping) return;

    logger.warn(
      { pid: exited.pid, code, signal, wasReady, err: spawnError?.message },
      'hub exited unexpectedly',
    );
    if (!wasReady) failedStarts += 1;
    if (isPermanentSpawnFailure(exited.exit)) {
      fail(`${options.command}: ${spawnError?.message}`);
      return;
    }
    if (failedStarts >= maxFailedStarts) {
      fail(`${failedStarts} starts in a row never became ready`);
      return;
    }
    const delayMs = backoff.next();
    // The timer exists before anyone hears about it, so a listener that calls stop() cancels it.
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (stopPromise !== undefined) return;
      restarts += 1;
      void launch();
    }, delayMs);
    logger.info({ delayMs, attempt: restarts + 1 }, 'hub restart scheduled');
    setState('restarting');
    if (stopPromise !== undefined) return; // a 'state' listener stopped us
    events.emit('restart-scheduled', { delayMs, attempt: restarts + 1 });
  };

  const supervisor: HubSupervisor = {
    start() {
      if (stopPromise) return Promise.reject(new Error('hub supervisor was stopped; create a new one'));
      if (state === 'failed') {
        // A retry asked for by a person (the tray's "Restart hub") starts counting afresh.
        startPromise = undefined;
        failedStarts = 0;
        backoff.reset();
      }
      startPromise ??= new Promise<void>((resolve, reject) => {
        settleStart = { resolve, reject };
        setState('starting');
        void launch();
      });
      return startPromise;
    },

    stop() {
      stopPromise ??= (async () => {
        clearTimeout(restartTimer);
        clearTimeout(resetTimer);
        setState('stopping');
        const running = child;
        const result: StopResult = running
          ? await running.terminate(stopGraceMs)
          : { clean: true, exitCode: null, signal: null };
        logger.info({ ...result }, 'hub stopped');
        settleStart?.reject(new Error('hub supervisor was stopped before the hub became ready'));
        settleStart = undefined;
        setState('stopped');
        return result;
      })();
      return stopPromise;
    },

    get state() {
      return state;
    },
    get port() {
      return port;
    },
    get baseUrl() {
      return baseUrl();
    },
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
  };
  return supervisor;
}
