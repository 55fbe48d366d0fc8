// The cloud service's settings, parsed once from the environment.
import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalUrl = z.preprocess(emptyAsUndefined, z.string().url().optional());

export const cloudConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl,
  DATABASE_REPLICA_URL: optionalUrl,
  /** Parsed and shown on /healthz; the Redis wiring comes with the fan-out work. */
  REDIS_URL: optionalUrl,
  COMANDA_CLOUD_DATA_DIR: z.string().min(1).default('./data/cloud'),
  /** Bearer token for the owner/admin read API until dashboard auth exists. Unset: those routes refuse. */
  COMANDA_CLOUD_OPERATOR_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type CloudConfig = z.infer<typeof cloudConfigSchema>;

export function parseCloudConfig(env: NodeJS.ProcessEnv): CloudConfig {
  const parsed = cloudConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid cloud-sync configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
