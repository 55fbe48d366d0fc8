// One spawned hub process: its output split into lines, the port it announces, and its exit.
// The supervisor owns the policy (readiness, restarts, stopping); this file owns the child.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type HubStream = 'stdout' | 'stderr';

export interface HubExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (missing command, no permission). */
  readonly spawnError?: NodeJS.ErrnoException;
}

export interface HubProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly onLine: (stream: HubStream, line: string) => void;
}

export interface TerminateResult {
  /** The process exited by itself with code 0 within the grace period. */
  readonly clean: boolean;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface HubProcess {
  readonly pid: number | undefined;
  /** Undefined while the process runs. */
  readonly exit: HubExit | undefined;
  readonly exited: Promise<HubExit>;
  /** The port from the hub's `{"msg":"listening","port":N}` line; rejects if the hub exits first. */
  readonly listening: Promise<number>;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
  terminate(graceMs: number): Promise<TerminateResult>;
}

// A missing or non-executable command will not fix itself by waiting.
const permanentSpawnErrors = new Set(['ENOENT', 'EACCES', 'ENOTDIR']);

export function isPermanentSpawnFailure(exit: HubExit): boolean {
  return exit.spawnError?.code !== undefined && permanentSpawnErrors.has(exit.spawnError.code);
}

/** The port announced by a hub log line, or null if the line is something else. */
export function parseListeningLine(line: string): number | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { msg, port } = parsed as { msg?: unknown; port?: unknown };
    return msg === 'listening' && typeof port === 'number' && Number.isInteger(port) && port > 0
      ? port
      : null;
  } catch {
    return null;
  }
}

export function spawnHubProcess(options: HubProcessOptions): HubProcess {
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    // The hub stops cleanly when its stdin ends: that is how a stop reaches it on Windows (no
    // SIGTERM there), and how it follows the shell when the shell itself dies without a word.
    env: { ...options.env, COMANDA_STOP_ON_STDIN_END: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  child.stdin.on('error', () => undefined);

  let exit: HubExit | undefined;
  let resolveExited!: (exit: HubExit) => void;
  const exited = new Promise<HubExit>((resolve) => (resolveExited = resolve));
  const finish = (result: HubExit): void => {
    if (exit) return;
    exit = result;
    resolveExited(result);
  };

  let resolveListening!: (port: number) => void;
  let rejectListening!: (error: Error) => void;
  const listening = new Promise<number>((resolve, reject) => {
    resolveListening = resolve;
    rejectListening = reject;
  });
  // Nobody has to wait for the port (a stop can come first); keep that from being "unhandled".
  listening.catch(() => undefined);

  const readLines = (stream: HubStream, source: Readable): void => {
    const lines = createInterface({ input: source, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (stream === 'stdout') {
        const port = parseListeningLine(line);
        if (port !== null) resolveListening(port);
      }
      options.onLine(stream, line);
    });
  };
  readLines('stdout', child.stdout);
  readLines('stderr', child.stderr);

  child.on('error', (error: NodeJS.ErrnoException) => {
    // 'error' also fires when a signal cannot be delivered; only a failed spawn ends the process here.
    if (child.pid === undefined) finish({ code: null, signal: null, spawnError: error });
  });
  child.on('exit', (code, signal) => finish({ code, signal }));
  void exited.then((result) => {
    const how = result.spawnError
      ? result.spawnError.message
      : `code ${result.code}, signal ${result.signal}`;
    rejectListening(new Error(`hub exited before it was listening (${how})`));
  });

  const signal = (name: NodeJS.Signals): void => {
    if (exit === undefined) child.kill(name);
  };
  return {
    get pid() {
      return child.pid;
    },
    get exit() {
      return exit;
    },
    exited,
    listening,
    signal,
    async terminate(graceMs) {
      child.stdin.end();
      if (process.platform !== 'win32') signal('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<undefined>(
        (resolve) => (timer = setTimeout(() => resolve(undefined), graceMs)),
      );
      const graceful = await Promise.race([exited, graceOver]);
      clearTimeout(timer);
      if (graceful) return { clean: graceful.code === 0, exitCode: graceful.code, signal: graceful.signal };
      signal('SIGKILL');
      const killed = await exited;
      return { clean: false, exitCode: killed.code, signal: killed.signal };
    },
  };
}
