// The single writer: commands queue here and commit in groups, each in its own savepoint, one fsync a group.
import type { Command, CommandResult } from '../../protocol/commands/command.js';
import type { Actor, DomainEvent, EventEnvelope } from '../../protocol/events/event.js';
import type { BranchSettings } from '../../protocol/domain-values.js';
import { AppError } from '../../protocol/errors.js';
import type { DomainError } from '../domain/result.js';
import { PERMISSIONS, authorizeRole } from '../domain/permissions.js';
import type { HubDatabase } from '../store/database.js';
import { appendEvents } from '../store/event-log.js';
import { checkExpectedVersion } from './expected-version.js';
import { appendAudit } from '../store/audit-log.js';
import { findCommand, recordCommand } from '../store/command-log.js';
import { project } from '../store/projections/project.js';
import { loadBranch } from '../store/queries/view-loaders.js';
import { cachedBranch, cachedStaff, forgetAll, forgetIfChangedElsewhere } from '../store/write-cache.js';
import { pairedDeviceKind } from '../store/device-token-store.js';
import type { Logger } from '../observability/logger.js';
import type { HubMetrics } from '../observability/metrics.js';
import { handlers } from './handlers/handler-registry.js';
import type { Handler } from './handlers/handler-types.js';
import { makeDecideContext, randomIds, type IdSource } from './decide-context.js';
import { payloadHash } from './payload-hash.js';

export { payloadHash };

export interface CommandMeta {
  actor: Actor;
  requestId: string | null;
}

export interface CommandBusOptions {
  db: HubDatabase;
  logger: Logger;
  metrics?: HubMetrics;
  /** 'group' shares one transaction among the commands that arrive together; 'single' is the baseline. */
  mode?: 'group' | 'single';
  maxBatch?: number;
  now?: () => Date;
  ids?: IdSource;
  /** Slow or async work done before a command enters the queue (PIN hashing). */
  prepare?: (command: Command) => Promise<{ pinHash?: string }>;
  /**
   * Called for each appended event after its projection, inside the command's savepoint: side tables
   * that must commit with the event but are not projections (the print queue). Never run on rebuild.
   */
  transactionalWriters?: ReadonlyArray<(db: HubDatabase['write'], event: EventEnvelope) => void>;
}

export type EventListener = (events: readonly EventEnvelope[]) => void;

interface Pending {
  command: Command;
  meta: CommandMeta;
  /** Undefined while its preparation runs; the queue never lets a later command overtake it. */
  prepared: { pinHash?: string } | undefined;
  enqueuedAt: bigint;
  resolve: (r: CommandResult) => void;
}

interface Outcome {
  pending: Pending;
  result: CommandResult;
  events: EventEnvelope[];
  label: string;
}

class DomainRejection extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

export class CommandBus {
  private readonly queue: Pending[] = [];
  private scheduled = false;
  private flushing = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly listeners = new Set<EventListener>();
  private readonly maxBatch: number;
  private readonly now: () => Date;
  private readonly ids: IdSource;
  /**
   * Runs `fn` in a transaction, or in a savepoint when one is already open. Made once: better-sqlite3
   * builds several wrapper functions per `db.transaction()` call, which showed up at ~3 % of a round.
   */
  private readonly atomically: <T>(fn: () => T) => T;

  constructor(private readonly options: CommandBusOptions) {
    const tx = options.db.write.transaction((fn: () => unknown) => fn());
    this.atomically = <T>(fn: () => T) => tx(fn) as T;
    this.maxBatch = options.mode === 'single' ? 1 : (options.maxBatch ?? 256);
    this.now = options.now ?? (() => new Date());
    this.ids = options.ids ?? randomIds;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get accepting(): boolean {
    return !this.closed;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Runs a command; resolves only after its transaction committed (or with its rejection). */
  async execute(command: Command, meta: CommandMeta): Promise<CommandResult> {
    if (this.closed) throw new AppError('UNAVAILABLE', 'the hub is shutting down; try again in a moment');
    const preparing = this.options.prepare?.(command);
    return new Promise<CommandResult>((resolve, reject) => {
      const pending: Pending = {
        command,
        meta,
        prepared: preparing ? undefined : {},
        enqueuedAt: process.hrtime.bigint(),
        resolve,
      };
      this.queue.push(pending);
      if (!preparing) return this.schedule();
      preparing.then(
        (prepared) => {
          pending.prepared = prepared;
          this.schedule();
        },
        (err: unknown) => {
          this.queue.splice(this.queue.indexOf(pending), 1);
          reject(err);
          this.schedule();
        },
      );
    });
  }

  /**
   * Runs `commands` in ONE transaction of their own (each in its own savepoint, as in a group commit) and
   * calls `inTransaction` inside it, after them, with their results: the cloud catalog puller stores its
   * feed cursor there, so the changes and the cursor commit together or not at all. A throw from
   * `inTransaction` rolls the whole transaction back and this rejects with UNAVAILABLE.
   */
  async executeTogether(
    commands: readonly Command[],
    meta: CommandMeta,
    inTransaction: (db: HubDatabase['write'], results: readonly CommandResult[]) => void,
  ): Promise<CommandResult[]> {
    const prepared = await Promise.all(commands.map((c) => this.options.prepare?.(c) ?? {}));
    if (this.closed) throw new AppError('UNAVAILABLE', 'the hub is shutting down; try again in a moment');
    const results: CommandResult[] = [];
    const batch: Pending[] = commands.map((command, i) => ({
      command,
      meta,
      prepared: prepared[i],
      enqueuedAt: process.hrtime.bigint(),
      resolve: (r) => (results[i] = r),
    }));
    if (!this.commitBatch(batch, inTransaction))
      throw new AppError('UNAVAILABLE', 'the hub could not save these changes; try again');
    return results;
  }

  /** Stops taking commands and resolves when the queue is empty and the last batch committed. */
  async drain(): Promise<void> {
    this.closed = true;
    if (!this.flushing && !this.scheduled && this.queue.length === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    // setImmediate lets every command that arrived in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    this.flushing = true;
    try {
      for (;;) {
        const batch = this.takeReady();
        if (batch.length === 0) break;
        this.commitBatch(batch);
        if (this.options.mode !== 'single') break;
      }
    } finally {
      this.flushing = false;
    }
    if (this.queue[0]?.prepared) this.schedule();
    else if (this.queue.length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** The prepared head of the queue, in arrival order. */
  private takeReady(): Pending[] {
    let n = 0;
    while (n < this.queue.length && n < this.maxBatch && this.queue[n]!.prepared) n++;
    return this.queue.splice(0, n);
  }

  private commitBatch(
    batch: Pending[],
    inTransaction?: (db: HubDatabase['write'], results: readonly CommandResult[]) => void,
  ): boolean {
    const { db, logger, metrics } = this.options;
    const started = process.hrtime.bigint();
    let outcomes: Outcome[] = [];
    try {
      this.atomically(() => {
        forgetIfChangedElsewhere(db.write);
        outcomes = batch.map((p) => this.runOne(p));
        inTransaction?.(
          db.write,
          outcomes.map((o) => o.result),
        );
      });
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nobody is acknowledged, nothing was kept.
      forgetAll(db.write);
      logger.error({ err, batch: batch.length }, 'write transaction failed; commands not acknowledged');
      for (const p of batch) {
        metrics?.commands.inc({ type: p.command.type, outcome: 'error' });
        p.resolve({
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'the hub could not save this; send it again' },
        });
      }
      return false;
    }
    const finished = process.hrtime.bigint();
    metrics?.batchSize.observe(batch.length);
    metrics?.commitSeconds.observe(Number(finished - started) / 1e9);
    const published: EventEnvelope[] = [];
    for (const o of outcomes) {
      metrics?.commands.inc({ type: o.pending.command.type, outcome: o.label });
      metrics?.commandSeconds.observe(
        { type: o.pending.command.type },
        Number(finished - o.pending.enqueuedAt) / 1e9,
      );
      o.pending.resolve(o.result);
      published.push(...o.events);
    }
    if (published.length > 0) {
      metrics?.lastSeq.set(published[published.length - 1]!.seq);
      for (const listener of this.listeners) {
        try {
          listener(published);
        } catch (err) {
          logger.error({ err }, 'event listener failed');
        }
      }
    }
    return true;
  }

  private runOne(p: Pending): Outcome {
    const { db, logger } = this.options;
    const { command, meta } = p;
    const hash = payloadHash(command);
    const seen = findCommand(db.write, command.commandId);
    if (seen) {
      if (seen.payloadHash !== hash || seen.type !== command.type) {
        const result: CommandResult = {
          ok: false,
          error: { code: 'CONFLICT', message: 'this command id was already used for a different command' },
        };
        return { pending: p, result, events: [], label: 'CONFLICT' };
      }
      return { pending: p, result: seen.result, events: [], label: 'duplicate' };
    }
    const record = (result: CommandResult) =>
      recordCommand(db.write, {
        commandId: command.commandId,
        type: command.type,
        payloadHash: hash,
        actor: meta.actor,
        result,
        requestId: meta.requestId,
        createdAt: this.now().toISOString(),
      });
    try {
      // A nested transaction is a savepoint: a failure here undoes this command only.
      const { events, result } = this.atomically(() => {
        const done = this.decideAndAppend(command, meta, p.prepared ?? {});
        const last = done.events[done.events.length - 1];
        const ok: CommandResult = { ok: true, data: done.data, seq: last ? last.seq : 0 };
        record(ok);
        return { events: done.events, result: ok };
      });
      return { pending: p, result, events, label: 'ok' };
    } catch (err) {
      // The savepoint rolled back: cached rows read inside it may have seen its writes.
      forgetAll(db.write);
      if (err instanceof DomainRejection) {
        // A rule said no: that answer is final for this command id, so it is recorded like a success.
        const result: CommandResult = { ok: false, error: { ...err.error } };
        record(result);
        return { pending: p, result, events: [], label: err.error.code };
      }
      // A bug or an I/O error: not recorded, so the same command id can be tried again.
      logger.error(
        { err, commandId: command.commandId, type: command.type, requestId: meta.requestId },
        'command failed',
      );
      const result: CommandResult = { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
      return { pending: p, result, events: [], label: 'INTERNAL' };
    }
  }

  private decideAndAppend(
    command: Command,
    meta: CommandMeta,
    prepared: { pinHash?: string },
  ): { events: EventEnvelope[]; data: Record<string, unknown> } {
    const { db } = this.options;
    const branch = cachedBranch(db.write);
    if (!branch) throw new DomainRejection({ code: 'UNAVAILABLE', message: 'the branch is not set up yet' });
    let actorSectorIds: string[] = [];
    if (meta.actor.kind === 'staff') {
      const staff = cachedStaff(db.write, meta.actor.staffId);
      if (!staff || !staff.active)
        throw new DomainRejection({
          code: 'UNAUTHENTICATED',
          message: 'this staff login is no longer valid',
        });
      actorSectorIds = staff.sectorIds;
    }
    let actorDeviceKind: string | null = null;
    // A device acting is looked up only where it matters: anyone may run a public command (joining a table).
    if (meta.actor.kind === 'device' && !PERMISSIONS[command.type].public) {
      actorDeviceKind = pairedDeviceKind(db.write, meta.actor.deviceId) ?? null;
      if (!actorDeviceKind)
        throw new DomainRejection({ code: 'UNAUTHENTICATED', message: 'this device is no longer paired' });
    }
    const role = authorizeRole(meta.actor, command.type, actorDeviceKind);
    if (!role.ok) throw new DomainRejection(role.error);
    const now = this.now();
    const ctx = makeDecideContext(meta.actor, now, branch.settings, this.ids);
    const handler = handlers[command.type] as Handler<typeof command.type>;
    const decision = handler(
      { db: db.write, ctx, branch, actorSectorIds, actorDeviceKind, prepared },
      command.payload as never,
    );
    if (!decision.ok) throw new DomainRejection(decision.error);
    if (command.expectedVersion !== undefined) {
      const stale = checkExpectedVersion(
        db.write,
        command.payload,
        command.expectedVersion,
        decision.value.events[0],
      );
      if (stale) throw new DomainRejection(stale);
    }
    const events = this.append(decision.value.events, {
      ...meta,
      commandId: command.commandId,
      occurredAt: ctx.now,
      branchId: branch.id,
    });
    return { events, data: decision.value.data };
  }

  private append(
    events: readonly DomainEvent[],
    meta: CommandMeta & { commandId: string | null; occurredAt: string; branchId: string },
  ): EventEnvelope[] {
    const { db } = this.options;
    const envelopes = appendEvents(db.write, events, meta);
    for (const e of envelopes) {
      project(db.write, e);
      appendAudit(db.write, e);
      for (const write of this.options.transactionalWriters ?? []) write(db.write, e);
    }
    return envelopes;
  }

  /** Writes the BranchInitialized event once, when the hub first starts on an empty database. */
  initializeBranch(data: {
    tenantId: string;
    tenantName: string;
    branchId: string;
    branchName: string;
    settings: BranchSettings;
  }): EventEnvelope[] {
    const { db } = this.options;
    const envelopes = db.write.transaction(() => {
      if (loadBranch(db.write)) return [];
      return this.append([{ type: 'BranchInitialized', data }], {
        actor: { kind: 'system', name: 'setup' },
        requestId: null,
        commandId: null,
        occurredAt: this.now().toISOString(),
        branchId: data.branchId,
      });
    })();
    for (const listener of this.listeners) listener(envelopes);
    return envelopes;
  }
}
