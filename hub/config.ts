// The hub's settings, read once from the environment and the command line, with embedded defaults.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { invalidFromZod } from '../protocol/errors.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  COMANDA_DATA_DIR: z.string().min(1).default('./data'),
  /** FULL is the default promise (survives power loss); NORMAL only for benchmarks and tests. */
  COMANDA_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built front-ends (waiter, kitchen, admin, table); `npm start` builds them here first. */
  COMANDA_APPS_DIR: z.string().min(1).optional(),
  /** HTTPS + WSS with the hub's local CA, for service workers on tablets; `off` serves plain HTTP only. */
  COMANDA_HTTPS: z.enum(['on', 'off']).default('on'),
  /**
   * The card terminal for POST /api/payments/card: off (card payments recorded from a standalone
   * terminal's slip) or virtual (approves everything: demos and trials only, it takes no real money).
   */
  COMANDA_CARD_TERMINAL: z.enum(['off', 'virtual']).default('off'),
  /** OpenTelemetry's own variables: where to send traces (hub/observability/tracing.ts). */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Default 8443; with PORT=0 (tests) a free port too. */
  COMANDA_HTTPS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /** The relay's largest batch body, in KB (default 1024); it halves that by itself on a slow uplink. */
  COMANDA_SYNC_BATCH_KB: z.coerce.number().int().min(16).max(1024).optional(),
});

/** renderer/dist beside this checkout (hub/ and renderer/ are siblings, in source and in dist/ builds alike). */
const DEFAULT_APPS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'dist');

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  synchronous: 'FULL' | 'NORMAL';
  logLevel: string;
  demo: boolean;
  appsDir: string;
  /** The HTTPS port, or null when HTTPS is off. */
  httpsPort: number | null;
  /** The relay's batch body limit in bytes, when set (else the relay's default). */
  syncBatchBytes?: number;
  cardTerminal: 'off' | 'virtual';
  /** The OTLP/HTTP traces URL; none, no tracing. */
  tracesUrl?: string;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw invalidFromZod(parsed.error, 'environment');
  const e = parsed.data;
  const dataDir = resolve(e.COMANDA_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: resolve(dataDir, 'hub.db'),
    synchronous: e.COMANDA_SYNCHRONOUS,
    logLevel: e.LOG_LEVEL,
    demo: !argv.includes('--no-demo'),
    appsDir: resolve(e.COMANDA_APPS_DIR ?? DEFAULT_APPS_DIR),
    httpsPort: e.COMANDA_HTTPS === 'off' ? null : (e.COMANDA_HTTPS_PORT ?? (e.PORT === 0 ? 0 : 8443)),
    cardTerminal: e.COMANDA_CARD_TERMINAL,
    ...(tracesUrlOf(e) === undefined ? {} : { tracesUrl: tracesUrlOf(e) }),
    ...(e.COMANDA_SYNC_BATCH_KB === undefined ? {} : { syncBatchBytes: e.COMANDA_SYNC_BATCH_KB * 1024 }),
  };
}

/** The OTLP traces URL from OpenTelemetry's standard variables, if any. */
function tracesUrlOf(e: {
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}) {
  if (e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (e.OTEL_EXPORTER_OTLP_ENDPOINT) return `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`;
  return undefined;
}
