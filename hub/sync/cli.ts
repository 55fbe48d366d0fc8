// `npm run sync -- <command>`: pairing and dead letters from a shell, on the hub's own SQLite file (same
// settings as the hub: COMANDA_DATA_DIR). Safe while the hub runs: WAL lets both read, and writes wait for
// each other (busy timeout); the running hub notices a new pairing within a few seconds.
//
//   pair --url U --hub H --key-id K --secret S     unpair     status [--json]
//   dead-letters list [--json] | show <seq> | requeue <seq|--all> | purge <seq|--all>
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../store/database.js';
import {
  listDeadLetters,
  purgeAllDeadLetters,
  purgeDeadLetter,
  requeueAllDeadLetters,
  requeueDeadLetter,
  showDeadLetter,
  type DeadLetterAction,
} from './dead-letters.js';
import { deletePairing, pairingInputSchema, writePairing } from './sync-meta.js';
import { buildSyncStatus, type SyncStatusView } from './sync-status.js';

const USAGE = `usage: npm run sync -- <command>
  pair --url <cloud url> --hub <hub id> --key-id <key id> --secret <secret>
  unpair
  status [--json]
  dead-letters list [--json]
  dead-letters show <event seq>
  dead-letters requeue <event seq | --all>
  dead-letters purge <event seq | --all>`;

class UsageError extends Error {}
/** A well-formed request for something that is not there: said plainly, without the usage text. */
class NotFoundError extends Error {}

const FLAG_OF: Record<string, string> = { url: 'url', hubId: 'hub', keyId: 'key-id', secret: 'secret' };

function printStatus(s: SyncStatusView): void {
  const lines = [
    s.paired
      ? `paired with ${s.cloud?.url} as hub ${s.cloud?.hubId} (key ${s.cloud?.keyId}, since ${s.cloud?.pairedAt})`
      : 'not paired: the hub runs standalone',
    `backlog:        ${s.backlog} (${s.pending} pending, ${s.parked} parked behind dead letters)`,
    `dead letters:   ${s.deadLetters}`,
    `oldest waiting: ${s.oldestPendingAt ?? '-'}${s.lagSeconds === null ? '' : ` (${s.lagSeconds} s ago)`}`,
    `last success:   ${s.lastSuccessAt ?? '-'}`,
    `last error:     ${s.lastError ? `${s.lastError} (${s.lastErrorAt})` : '-'}`,
    `catalog:        ${s.catalog.version === null ? 'never pulled' : `version ${s.catalog.version} applied ${s.catalog.appliedAt}`}`,
    `head seq:       ${s.lastSeq}`,
  ];
  console.log(lines.join('\n'));
}

function seqArg(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`expected an event seq, got ${value ?? 'nothing'}`);
  return n;
}

function printAction(verb: string, done: DeadLetterAction | null, seq?: number): void {
  if (!done) throw new NotFoundError(`no dead letter for event seq ${seq}`);
  console.log(
    `${verb} ${done.eventSeqs.length} dead letter(s)${done.eventSeqs.length ? `: ${done.eventSeqs.join(', ')}` : ''}; ${done.released} parked event(s) released`,
  );
}

export function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      hub: { type: 'string' },
      'key-id': { type: 'string' },
      secret: { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [command, sub, arg] = positionals;
  if (!command) throw new UsageError('no command');
  const config = loadConfig(env, []);
  if (!existsSync(config.dbFile))
    throw new UsageError(`no hub database at ${config.dbFile}: start the hub once, or set COMANDA_DATA_DIR`);
  const db = openDatabase({ file: config.dbFile, synchronous: config.synchronous });
  try {
    const w = db.write;
    switch (command) {
      case 'pair': {
        const input = pairingInputSchema.safeParse({
          url: values.url,
          hubId: values.hub,
          keyId: values['key-id'],
          secret: values.secret,
        });
        if (!input.success)
          throw new UsageError(
            input.error.issues
              .map((i) => `--${FLAG_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`)
              .join('; '),
          );
        const p = writePairing(w, input.data, new Date());
        console.log(
          `paired with ${p.url} as hub ${p.hubId} (key ${p.keyId}); a running hub starts syncing within seconds`,
        );
        return 0;
      }
      case 'unpair':
        console.log(
          deletePairing(w)
            ? 'unpaired: the hub runs standalone; its outbox keeps every event'
            : 'was not paired',
        );
        return 0;
      case 'status': {
        const s = buildSyncStatus(w, {}, Date.now());
        if (values.json) console.log(JSON.stringify(s, null, 2));
        else printStatus(s);
        return 0;
      }
      case 'dead-letters':
        switch (sub) {
          case 'list': {
            const list = listDeadLetters(w);
            if (values.json) console.log(JSON.stringify(list, null, 2));
            else if (list.length === 0) console.log('no dead letters');
            else
              for (const d of list)
                console.log(
                  `${String(d.eventSeq).padStart(8)}  ${d.eventType.padEnd(22)} ${d.aggregateKey}  attempts=${d.attempts} parked=${d.parkedBehind}  ${d.deadAt}\n          ${d.error}`,
                );
            return 0;
          }
          case 'show': {
            const seq = seqArg(arg);
            const d = showDeadLetter(w, seq);
            if (!d) throw new NotFoundError(`no dead letter for event seq ${seq}`);
            console.log(JSON.stringify(d, null, 2));
            return 0;
          }
          case 'requeue':
            if (values.all) printAction('requeued', requeueAllDeadLetters(w));
            else printAction('requeued', requeueDeadLetter(w, seqArg(arg)), Number(arg));
            return 0;
          case 'purge':
            if (values.all) printAction('purged', purgeAllDeadLetters(w));
            else printAction('purged', purgeDeadLetter(w, seqArg(arg)), Number(arg));
            return 0;
          default:
            throw new UsageError(`unknown dead-letters command ${sub ?? '(none)'}`);
        }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    db.close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  try {
    process.exitCode = runCli(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    if (err instanceof UsageError) console.error(USAGE);
    process.exitCode = 1;
  }
}
