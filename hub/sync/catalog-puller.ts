// Catalog down-sync: pulls the cloud's catalog changes after the stored version and applies them as hub
// commands (command id = change id, so a change applied twice is a no-op), in ONE transaction with the
// new cursor. `must_refetch` loads the snapshot and applies it, with the cursor, in one transaction too.
//
// Loop guard: at most one refetch per `refetchMinIntervalMs`; a must_refetch within that interval of the
// last one, or a snapshot that does not move the version forward, is reported as an error and waits, so a
// confused cloud cannot make the hub reload its menu in a tight loop.
import { parseCommandFromNewerPeer } from '../../protocol/commands/parse-from-newer.js';
import type Database from 'better-sqlite3';
import type { Command, CommandResult } from '../../protocol/commands/command.js';
import {
  CATALOG_CHANGES_PATH,
  CATALOG_SNAPSHOT_PATH,
  catalogChangesAnswerSchema,
  catalogSnapshotSchema,
  type CatalogApplied,
} from '../../protocol/sync/catalog-feed.js';
import type { CommandBus, CommandMeta } from '../app/command-bus.js';
import type { Logger } from '../observability/logger.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { describeAnswer, retryAfterMs, type CloudAnswer, type CloudClient } from './cloud-client.js';
import { readCatalogCursor, writeCatalogCursor } from './sync-meta.js';
import type { SyncMetrics } from './sync-metrics.js';

export interface CatalogTuning {
  /** How often an up-to-date hub asks again. */
  pollMs: number;
  refetchMinIntervalMs: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_CATALOG_TUNING: CatalogTuning = {
  pollMs: 30_000,
  refetchMinIntervalMs: 10 * 60_000,
  backoff: DEFAULT_BACKOFF,
};

export interface CatalogPullerOptions {
  db: Database.Database;
  bus: Pick<CommandBus, 'executeTogether'>;
  client: CloudClient;
  logger: Logger;
  metrics?: SyncMetrics;
  tuning?: Partial<CatalogTuning>;
  now?: () => number;
  random?: () => number;
}

export interface CatalogStatus {
  version: number | null;
  appliedAt: string | null;
  lastPullAt: string | null;
  lastRefetchAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  /** Changes the hub refused (invalid payload or a domain rule), newest last; the cursor moved past them. */
  rejected: Array<{ changeId: string; version: number; error: string }>;
}

/** The cloud's catalog answers are not the ones we expect: report, wait, try again. */
class FeedError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const ACTOR: CommandMeta['actor'] = { kind: 'system', name: 'cloud-catalog' };

export class CatalogPuller {
  private readonly tuning: CatalogTuning;
  private readonly now: () => number;
  private running: Promise<void> | null = null;
  private stopping = false;
  private sleeper: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  private failures = 0;
  private lastRefetch: { at: number; version: number } | null = null;
  private readonly state: Omit<CatalogStatus, 'version' | 'appliedAt'> = {
    lastPullAt: null,
    lastRefetchAt: null,
    lastErrorAt: null,
    lastError: null,
    rejected: [],
  };

  constructor(private readonly options: CatalogPullerOptions) {
    this.tuning = { ...DEFAULT_CATALOG_TUNING, ...options.tuning };
    this.now = options.now ?? Date.now;
  }

  applied(): CatalogApplied | undefined {
    const c = readCatalogCursor(this.options.db);
    return c ? { version: c.version, appliedAt: c.appliedAt } : undefined;
  }

  status(): CatalogStatus {
    const c = readCatalogCursor(this.options.db);
    return { version: c?.version ?? null, appliedAt: c?.appliedAt ?? null, ...this.state };
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop().catch((err: unknown) =>
      this.options.logger.error({ err }, 'catalog puller stopped on an unexpected error'),
    );
  }

  /** Stops at once: a request in flight is aborted (the cursor only moves with applied changes). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.options.client.close();
    this.kick();
    await this.running;
    this.running = null;
  }

  /** Pull now (tests, and an operator who just changed the menu in the cloud). */
  kick(): void {
    const s = this.sleeper;
    if (!s) return;
    clearTimeout(s.timer);
    this.sleeper = null;
    s.resolve();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeper = null;
        resolve();
      }, ms);
      this.sleeper = { timer, resolve };
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let wait: number;
      try {
        const more = await this.pullOnce();
        this.failures = 0;
        wait = more ? 0 : this.tuning.pollMs;
      } catch (err) {
        if (this.stopping) break;
        this.failures++;
        const message = err instanceof Error ? err.message : String(err);
        this.state.lastError = message;
        this.state.lastErrorAt = new Date(this.now()).toISOString();
        this.options.logger.warn(
          { error: message, failures: this.failures },
          'catalog pull failed; will retry',
        );
        const retryAfter = err instanceof FeedError ? err.retryAfterMs : undefined;
        wait = backoffDelayMs(this.failures, this.tuning.backoff, this.options.random, retryAfter);
      }
      if (!this.stopping && wait > 0) await this.sleep(wait);
    }
  }

  /** One request to the feed; true when the cloud has more right away. */
  async pullOnce(): Promise<boolean> {
    const since = readCatalogCursor(this.options.db)?.version ?? 0;
    const answer = await this.get(CATALOG_CHANGES_PATH, `since=${since}`, `catalog-${since}`);
    const feed = catalogChangesAnswerSchema.safeParse(JSON.parse(answer.body));
    if (!feed.success) throw new FeedError(`the cloud's catalog answer is malformed: ${feed.error.message}`);
    this.state.lastPullAt = new Date(this.now()).toISOString();
    if (feed.data.status === 'must_refetch') {
      await this.refetch(since, feed.data.reason);
      return false;
    }
    const { changes, upToDate } = feed.data;
    if (changes.length === 0) return false;
    if (changes.some((c, i) => c.version <= (i === 0 ? since : changes[i - 1]!.version)))
      throw new FeedError(`the cloud sent catalog changes out of order after version ${since}`);
    const last = changes[changes.length - 1]!.version;
    const commands: Array<{ command: Command; changeId: string; version: number }> = [];
    for (const c of changes) {
      const parsed = this.parseChange(c);
      if (parsed.success) commands.push({ command: parsed.data, changeId: c.changeId, version: c.version });
      else
        this.reject(
          c.changeId,
          c.version,
          `invalid payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
    }
    const results = await this.apply(
      commands.map((c) => c.command),
      last,
      `catalog-${since}-${last}`,
    );
    results.forEach((r, i) => this.tally(r, commands[i]!.changeId, commands[i]!.version));
    this.options.logger.info({ since, version: last, changes: changes.length }, 'catalog changes applied');
    return !upToDate;
  }

  /** A change as a command; fields a newer cloud sends that this hub does not know are dropped and logged. */
  private parseChange(c: { changeId: string; type: string; payload: unknown }) {
    const parsed = parseCommandFromNewerPeer({ commandId: c.changeId, type: c.type, payload: c.payload });
    if (parsed.success && parsed.ignored.length > 0)
      this.options.logger.warn(
        { changeId: c.changeId, type: c.type, ignored: parsed.ignored },
        'catalog change carries fields this hub does not know (a newer cloud?); applied without them',
      );
    return parsed;
  }

  private async refetch(since: number, reason: string): Promise<void> {
    const nowMs = this.now();
    if (this.lastRefetch && nowMs - this.lastRefetch.at < this.tuning.refetchMinIntervalMs) {
      throw new FeedError(
        `the cloud asked for a full catalog reload again (${reason}) within ${Math.round(this.tuning.refetchMinIntervalMs / 1000)} s of the last one at version ${this.lastRefetch.version}; not reloading in a loop`,
        this.lastRefetch.at + this.tuning.refetchMinIntervalMs - nowMs,
      );
    }
    const answer = await this.get(CATALOG_SNAPSHOT_PATH, '', `catalog-snapshot-${since}`);
    const snapshot = catalogSnapshotSchema.safeParse(JSON.parse(answer.body));
    if (!snapshot.success)
      throw new FeedError(`the cloud's catalog snapshot is malformed: ${snapshot.error.message}`);
    this.lastRefetch = { at: nowMs, version: snapshot.data.version };
    this.state.lastRefetchAt = new Date(nowMs).toISOString();
    const commands: Command[] = [];
    for (const c of snapshot.data.commands) {
      const parsed = this.parseChange(c);
      if (parsed.success) commands.push(parsed.data);
      else
        this.reject(c.changeId, snapshot.data.version, `invalid payload: ${parsed.error.issues[0]?.message}`);
    }
    const results = await this.apply(
      commands,
      snapshot.data.version,
      `catalog-snapshot-${snapshot.data.version}`,
    );
    results.forEach((r, i) => this.tally(r, commands[i]!.commandId, snapshot.data.version));
    this.options.metrics?.catalogChanges.inc({ outcome: 'snapshot' });
    this.options.logger.warn(
      { since, version: snapshot.data.version, reason },
      'catalog reloaded from a snapshot',
    );
    if (snapshot.data.version <= since) {
      // Reloaded, but the version did not move: the next pull would ask again. Say so, and wait.
      throw new FeedError(
        `catalog reload did not advance the version (had ${since}, snapshot is ${snapshot.data.version}): ${reason}`,
        this.tuning.refetchMinIntervalMs,
      );
    }
  }

  /** Runs the commands and writes the cursor in one transaction; an unexpected failure keeps neither. */
  private apply(commands: Command[], version: number, requestId: string): Promise<CommandResult[]> {
    return this.options.bus.executeTogether(commands, { actor: ACTOR, requestId }, (db, results) => {
      // INTERNAL means a hub bug or I/O error, not a final answer: keep the old cursor and try again.
      if (results.some((r) => !r.ok && r.error.code === 'INTERNAL'))
        throw new Error('a catalog change failed on the hub; the whole page will be retried');
      writeCatalogCursor(db, { version, appliedAt: new Date(this.now()).toISOString() });
    });
  }

  private tally(result: CommandResult, changeId: string, version: number): void {
    if (result.ok) this.options.metrics?.catalogChanges.inc({ outcome: 'applied' });
    else this.reject(changeId, version, `${result.error.code}: ${result.error.message}`);
  }

  private reject(changeId: string, version: number, error: string): void {
    this.options.metrics?.catalogChanges.inc({ outcome: 'rejected' });
    this.state.rejected = [...this.state.rejected, { changeId, version, error }].slice(-20);
    this.options.logger.warn({ changeId, version, error }, 'catalog change refused by the hub');
  }

  private async get(path: string, query: string, requestId: string): Promise<CloudAnswer> {
    const answer = await this.options.client.send('GET', path, { query, requestId });
    if (answer.status !== 200) {
      const retry =
        answer.status === 429 || answer.status === 503
          ? retryAfterMs(answer, this.now() + this.options.client.clockOffsetMs)
          : undefined;
      throw new FeedError(`catalog ${path}: ${describeAnswer(answer)}`, retry);
    }
    return answer;
  }
}
