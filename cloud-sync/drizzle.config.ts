// drizzle-kit config for the cloud's Postgres schema: `npm run cloud:db:generate` writes SQL migrations.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './cloud-sync/db/schema/tenant-tables.ts',
    './cloud-sync/db/schema/ingest-tables.ts',
    './cloud-sync/db/schema/projection-tables.ts',
    './cloud-sync/db/schema/owner-tables.ts',
    './cloud-sync/db/schema/catalog-tables.ts',
  ],
  out: './cloud-sync/migrations',
});
