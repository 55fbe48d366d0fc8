// drizzle-kit config: `npm run db:generate` writes SQL migrations from the schema files.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: [
    './hub/store/schema/branch-tables.ts',
    './hub/store/schema/service-tables.ts',
    './hub/store/schema/log-tables.ts',
    './hub/store/schema/device-tables.ts',
  ],
  out: './hub/store/migrations',
});
