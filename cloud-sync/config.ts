// The cloud service's settings, parsed once from the environment.
import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalUrl = z.preprocess(emptyAsUndefined, z.string().url().optional());

export const cloudConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optionalUrl,
  DATABASE_REPLICA_URL: optionalUrl,
  /** Standalone Redis (cloud-sync/redis): nonces, live fan-out, read cache, ingest rate limit. */
  REDIS_URL: optionalUrl,
  /** `host:port,host:port`: a Redis Cluster instead (any nodes; the rest are discovered). Wins over REDIS_URL. */
  REDIS_CLUSTER_NODES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[^,\s]+(,[^,\s]+)*$/)
      .optional(),
  ),
  /** Every Redis key and channel starts with this. */
  COMANDA_REDIS_PREFIX: z.string().min(1).max(64).default('comanda:'),
  /** Ingest requests per second per hub (token bucket), and the burst a hub may send at once. */
  COMANDA_INGEST_RATE_PER_S: z.coerce.number().positive().default(300),
  COMANDA_INGEST_BURST: z.coerce.number().int().min(1).default(600),
  /** TTL of a branch's cached menu (refresh-ahead in the last 30 s). */
  COMANDA_MENU_CACHE_TTL_S: z.coerce.number().int().min(1).default(300),
  COMANDA_CLOUD_DATA_DIR: z.string().min(1).default('./data/cloud'),
  /** Bearer token for the owner/admin read API until dashboard auth exists. Unset: those routes refuse. */
  COMANDA_CLOUD_OPERATOR_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** OpenTelemetry's own variables: where to send traces (a full URL, or a base URL + /v1/traces). */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
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

/** The OTLP traces URL from the configuration, if traces have somewhere to go. */
export function tracesUrlOf(config: CloudConfig): string | undefined {
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT)
    return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`;
  return undefined;
}
