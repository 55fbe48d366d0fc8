// `npm start`: runs the hub on its embedded defaults, prints where to point tablets, stops cleanly on SIGTERM.
import { loadConfig } from './config.js';
import { DEMO_STAFF } from './app/demo-branch.js';
import { lanAddresses } from './lan-addresses.js';
import { createLogger } from './observability/logger.js';
import { startHub } from './hub-runtime.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const hub = await startHub(config, logger);

  const hosts = config.host === '0.0.0.0' ? ['localhost', ...lanAddresses()] : [config.host];
  const lines = [
    '',
    '  Comanda hub is running.',
    ...hosts.map((h) => `    http://${h}:${hub.port}/`),
    ...(hub.server.httpsPort === undefined
      ? []
      : [
          `  HTTPS (install the hub's CA on tablets: admin → HTTPS, or /api/tls/ca.crt):`,
          ...hosts.map((h) => `    https://${h}:${hub.server.httpsPort}/`),
        ]),
    `  API docs:   http://${hosts[0]}:${hub.port}/api/docs`,
    `  Data:       ${config.dataDir}`,
  ];
  if (hub.firstStart && config.demo) {
    lines.push('  Demo staff (id / PIN):');
    for (const s of DEMO_STAFF)
      lines.push(`    ${s.name.padEnd(6)} ${s.role.padEnd(8)} ${s.staffId.padEnd(12)} PIN ${s.pin}`);
  }
  console.log(lines.join('\n') + '\n');

  const received = new Map<string, number>();
  let stopping = false;
  const shutdown = (signal: string) => {
    const times = (received.get(signal) ?? 0) + 1;
    received.set(signal, times);
    // The same signal twice is a person insisting (Ctrl-C again): go now. A stop asked for through a
    // second channel (the desktop shell ends stdin and sends SIGTERM) is the same request: keep draining.
    if (times > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    hub.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Under the desktop shell's supervisor the end of stdin means "stop": it works on Windows, where
  // there is no SIGTERM, and it stops an orphaned hub when the shell died without a word.
  if (process.env.COMANDA_STOP_ON_STDIN_END === '1') {
    process.stdin.on('end', () => shutdown('stdin closed'));
    process.stdin.resume();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
