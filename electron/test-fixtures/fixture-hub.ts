// A stand-in for the hub that honours exactly its process contract, so the supervisor can be
// tested without the real hub: PORT/HOST/COMANDA_DATA_DIR from the environment, a pino-style
// JSON "listening" line on stdout, /healthz, /readyz (503 while starting and draining), and a
// clean exit 0 on SIGTERM. Faults are switched on by flags:
//   --start-delay-ms N   /readyz answers 503 for N ms after listening (default 50)
//   --drain-ms N         time spent "finishing the batch" after SIGTERM (default 50)
//   --crash-after-ms N   exit with code 1 N ms after listening
//   --ignore-sigterm     never exit on SIGTERM (only SIGKILL ends it)
//   --never-ready        /readyz always answers 503
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'start-delay-ms': { type: 'string', default: '50' },
    'drain-ms': { type: 'string', default: '50' },
    'crash-after-ms': { type: 'string' },
    'ignore-sigterm': { type: 'boolean', default: false },
    'never-ready': { type: 'boolean', default: false },
  },
});

const log = (msg: string, fields: Record<string, unknown> = {}): void => {
  process.stdout.write(
    `${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg, ...fields })}\n`,
  );
};

const dataDir = process.env.COMANDA_DATA_DIR;
if (dataDir) mkdirSync(dataDir, { recursive: true });

let phase: 'starting' | 'ready' | 'draining' = 'starting';

const server = http.createServer((request, response) => {
  const status =
    request.url === '/healthz' ? 200 : request.url === '/readyz' ? (phase === 'ready' ? 200 : 503) : 404;
  response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  response.end(JSON.stringify({ status: status === 200 ? 'ok' : phase, pid: process.pid }));
});

// An unhandled 'error' (EADDRINUSE) ends the process with code 1, as a real hub would.
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '0.0.0.0', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  log('listening', { port: address.port, host: address.address, dataDir });
  if (!values['never-ready']) {
    setTimeout(() => {
      if (phase === 'starting') phase = 'ready';
    }, Number(values['start-delay-ms']));
  }
  if (values['crash-after-ms'] !== undefined) {
    setTimeout(() => {
      process.stderr.write('fixture hub: crashing on purpose\n');
      process.exit(1);
    }, Number(values['crash-after-ms']));
  }
});

process.on('SIGTERM', () => {
  if (values['ignore-sigterm']) {
    log('ignoring SIGTERM');
    return;
  }
  phase = 'draining';
  log('draining');
  setTimeout(() => {
    server.close();
    server.closeAllConnections();
    log('stopped');
    process.exit(0);
  }, Number(values['drain-ms']));
});
