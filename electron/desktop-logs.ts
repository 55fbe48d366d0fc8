// Where the desktop shell writes its logs: its own decisions (pino JSON lines, desktop.log)
// and the hub's output as the hub wrote it (hub.log), both under the app's user-data folder.
// Each file is rotated once at start when it has grown past a size, keeping one old copy.
import { createWriteStream, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export interface DesktopLogs {
  readonly logger: Logger;
  readonly hubLogPath: string;
  writeHubLine(line: string): void;
  /** Resolves once everything written so far is on disk. */
  close(): Promise<void>;
}

const maxBytes = 20 * 1024 * 1024;

function rotateIfLarge(file: string): void {
  try {
    if (statSync(file).size > maxBytes) renameSync(file, `${file}.1`);
  } catch {
    // No file yet: nothing to rotate.
  }
}

export function openDesktopLogs(dir: string): DesktopLogs {
  mkdirSync(dir, { recursive: true });
  const desktopLogPath = path.join(dir, 'desktop.log');
  const hubLogPath = path.join(dir, 'hub.log');
  rotateIfLarge(desktopLogPath);
  rotateIfLarge(hubLogPath);
  // Synchronous writes: the last lines before a crash or a quit are the ones that matter.
  const destination = pino.destination({ dest: desktopLogPath, sync: true });
  const logger = pino({ base: { process: 'desktop' } }, destination);
  const hubLog = createWriteStream(hubLogPath, { flags: 'a' });
  return {
    logger,
    hubLogPath,
    writeHubLine: (line) => {
      // The hub's last lines can arrive after its exit, when the app is already closing.
      if (!hubLog.writableEnded) hubLog.write(`${line}\n`);
    },
    close() {
      destination.end();
      return new Promise((resolve) => hubLog.end(resolve));
    },
  };
}
