// bench:sync's cloud, in a process of its own (as it is in production: another machine), so the hub's
// relay and the cloud's ingest each get a Node thread instead of sharing one. Serves the given Postgres
// schema; tells its parent the port over IPC and stops when told to.
import { startCloudService } from '../cloud-sync/cloud-service.js';
import { parseCloudConfig } from '../cloud-sync/config.js';
import { openPostgresDb } from '../cloud-sync/db/postgres-db.js';

const url = process.env.BENCH_CLOUD_DATABASE_URL!;
const schema = process.env.BENCH_CLOUD_SCHEMA!;
const db = await openPostgresDb({ url, schema, maxConnections: 8 });
const cloud = await startCloudService({
  config: parseCloudConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
  dbs: { write: db, read: db, close: async () => {} },
});
process.on('message', () => {
  void cloud
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
process.send!({ port: cloud.port });
