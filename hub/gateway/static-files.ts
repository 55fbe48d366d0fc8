// Maps a URL under a static prefix to a file inside one directory: content type, cache policy, SPA
// fallback, and refusal of anything that would leave the directory (../, encoded or not, symlinks).
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { StaticOptions } from './http-types.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Vite writes built assets to `assets/` as `name-<hash>.ext` (8+ url-safe chars); such a name never
 * changes content. Both conditions are required so that `icons/apple-touch-icon.png` stays revalidated.
 */
const HASHED_ASSET = /[.-][A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;
const ASSETS_DIR = 'assets';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else revalidates each time (cheap with the ETag), so a new build shows at once. */
export const REVALIDATE_CACHE = 'no-cache';

export function cacheControlFor(filePath: string): string {
  const name = path.basename(filePath);
  if (name === 'index.html' || path.extname(name) === '.html') return REVALIDATE_CACHE;
  const inAssets = path.basename(path.dirname(filePath)) === ASSETS_DIR;
  return inAssets && HASHED_ASSET.test(name) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

export interface StaticFile {
  readonly kind: 'file';
  readonly absPath: string;
  readonly size: number;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly etag: string;
}

export type StaticLookup = StaticFile | { readonly kind: 'not-found' } | { readonly kind: 'bad-path' };

const NOT_FOUND = { kind: 'not-found' } as const;

/** Looks files up under `dir`; the directory's real path is resolved once, lazily. */
export function createStaticResolver(opts: StaticOptions): (urlPath: string) => Promise<StaticLookup> {
  let rootPromise: Promise<string> | undefined;
  const root = (): Promise<string> => (rootPromise ??= fs.realpath(opts.dir));

  async function fileAt(candidate: string): Promise<StaticFile | undefined> {
    const rootDir = await root();
    let real: string;
    let stat: Stats;
    try {
      real = await fs.realpath(candidate);
      stat = await fs.stat(real);
    } catch {
      return undefined; // missing, or removed while we looked
    }
    // Checked on the real path so a symlink cannot point outside the directory either.
    if (real !== rootDir && !real.startsWith(rootDir + path.sep)) return undefined;
    if (stat.isDirectory()) return fileAt(path.join(real, 'index.html'));
    if (!stat.isFile()) return undefined;
    return {
      kind: 'file',
      absPath: real,
      size: stat.size,
      contentType: contentTypeFor(real),
      cacheControl: cacheControlFor(real),
      etag: `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
    };
  }

  return async (urlPath) => {
    let relative: string;
    try {
      relative = decodeURIComponent(urlPath.slice(opts.prefix.length));
    } catch {
      return { kind: 'bad-path' };
    }
    if (relative.includes('\0')) return { kind: 'bad-path' };
    const segments = relative.split(/[/\\]/);
    if (segments.includes('..')) return NOT_FOUND;
    const rootDir = await root();
    const candidate = path.resolve(rootDir, ...segments.filter((s) => s !== '' && s !== '.'));
    const found = await fileAt(candidate);
    if (found) return found;
    // Client-side routes have no extension; a missing asset (has one) stays a 404 rather than HTML.
    const last = segments[segments.length - 1] ?? '';
    if (opts.spaFallback && path.extname(last) === '') {
      return (await fileAt(path.join(rootDir, 'index.html'))) ?? NOT_FOUND;
    }
    return NOT_FOUND;
  };
}
