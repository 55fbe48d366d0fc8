// Serves the built owner dashboard (renderer/dist/owner, made by `npm run build:apps`) at `/`.
// Only files inside that folder, by exact name; hashed assets are cached for a year, index.html never.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../protocol/errors.js';
import type { CloudHttpServer, CloudReply } from '../http/http-server.js';

export const OWNER_DIST_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'renderer',
  'dist',
  'owner',
);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The dashboard loads only its own files and talks only to this origin; styles set from script are fine. */
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

async function serveFile(dir: string, relative: string): Promise<CloudReply> {
  const file = resolve(dir, relative);
  if (!file.startsWith(dir + sep)) throw new AppError('NOT_FOUND', 'no such file');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    if (relative === 'index.html')
      return {
        status: 503,
        contentType: 'text/plain; charset=utf-8',
        body: 'The owner dashboard is not built yet: run `npm run build:apps`, then reload.',
      };
    throw new AppError('NOT_FOUND', 'no such file');
  }
  const immutable = relative.startsWith(`assets${sep}`) || relative.startsWith('assets/');
  return {
    body,
    contentType: TYPES[extname(file)] ?? 'application/octet-stream',
    headers: {
      ...SECURITY_HEADERS,
      ...(extname(file) === '.html' ? { 'content-security-policy': CSP } : {}),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  };
}

/** Register last: `/:file` would otherwise shadow single-segment API routes registered after it. */
export function registerDashboardStatic(server: CloudHttpServer, dir = OWNER_DIST_DIR): void {
  server.route('GET', '/', () => serveFile(dir, 'index.html'));
  server.route('GET', '/assets/:file', (req) => serveFile(dir, join('assets', req.params.file ?? '')));
  server.route('GET', '/:file', (req) => serveFile(dir, req.params.file ?? ''));
}
