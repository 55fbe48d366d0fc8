// Run as a separate process by the kill test: a hub paired with the cloud URL it is given (through the
// fault proxy), which serves one table and then waits to be killed (SIGKILL).
import { serveTable, startSyncHub } from './sync-hub.js';

const [dir, url, hubId, keyId, secret] = process.argv.slice(2);
if (!dir || !url || !hubId || !keyId || !secret)
  throw new Error('usage: sync-hub-child <dir> <url> <hub> <key> <secret>');
const h = await startSyncHub({ dir });
await serveTable(h, 'table-7');
const r = await h.api('/api/sync/pair', { body: { url, hubId, keyId, secret } });
process.stdout.write(`${JSON.stringify({ paired: r.status === 200, events: h.events().length })}\n`);
setInterval(() => {}, 60_000);
