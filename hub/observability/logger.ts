// The hub's structured logger. Every line about a command carries its request id.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(
  options: { level?: string; name?: string; destination?: pino.DestinationStream } = {},
): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  return pino(
    { level, name: options.name ?? 'comanda-hub', base: { pid: process.pid } },
    options.destination,
  );
}

/** A logger that writes nothing, for tests and benchmarks that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
