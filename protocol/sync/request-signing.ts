// HMAC-SHA256 request signing shared by the hub's relay (signer) and the cloud (verifier).
// Web Crypto only, so protocol/ stays platform-free: Node ≥ 19, browsers and workers all have it.
//
// Signed string (one field per line, so no field can bleed into another):
//   COMANDA-HMAC-SHA256 \n METHOD \n PATH \n KEY_ID \n TIMESTAMP_MS \n NONCE \n hex(sha256(body))
// The HMAC key is derived from the hub's secret (see deriveSigningKey), which lets the cloud store a
// hash of the secret rather than the secret itself.

export const SIGNATURE_SCHEME = 'COMANDA-HMAC-SHA256';
export const SIGNING_HEADERS = {
  keyId: 'x-comanda-key-id',
  timestamp: 'x-comanda-timestamp',
  nonce: 'x-comanda-nonce',
  signature: 'x-comanda-signature',
} as const;

/** A request older or newer than this (by the cloud's clock) is refused. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const KEY_DERIVATION_LABEL = 'comanda-hub-key:v1:';

const encoder = new TextEncoder();

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A copy on its own ArrayBuffer: what Web Crypto's typings accept for every input. */
function bodyBytes(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? encoder.encode(body) : new Uint8Array(body);
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bodyBytes(data)));
}

/** The HMAC key for a hub secret: sha256(label + secret), hex. The cloud stores exactly this. */
export function deriveSigningKey(secret: string): Promise<string> {
  return sha256Hex(KEY_DERIVATION_LABEL + secret);
}

export interface SignedParts {
  method: string;
  /** Path only, no query string: the ingest endpoint takes none. */
  path: string;
  keyId: string;
  timestampMs: number;
  nonce: string;
}

export function canonicalRequest(parts: SignedParts, bodyHashHex: string): string {
  return [
    SIGNATURE_SCHEME,
    parts.method.toUpperCase(),
    parts.path,
    parts.keyId,
    String(parts.timestampMs),
    parts.nonce,
    bodyHashHex,
  ].join('\n');
}

/** Hex HMAC-SHA256 of the canonical request under the derived signing key (hex). */
export async function computeSignature(
  signingKeyHex: string,
  parts: SignedParts,
  body: string | Uint8Array,
): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    fromHex(signingKeyHex),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const canonical = canonicalRequest(parts, await sha256Hex(body));
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(canonical)));
}

/** A fresh random nonce (128 bits, hex). */
export function newNonce(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

export interface SignRequestInput {
  method: string;
  path: string;
  keyId: string;
  /** The hub's secret as issued by the cloud (`cks_…`). */
  secret: string;
  body: string | Uint8Array;
  /** Injected for tests; defaults to the wall clock. */
  nowMs?: number;
  nonce?: string;
}

/** The four headers to send with a signed request. */
export async function signRequest(input: SignRequestInput): Promise<Record<string, string>> {
  const parts: SignedParts = {
    method: input.method,
    path: input.path,
    keyId: input.keyId,
    timestampMs: input.nowMs ?? Date.now(),
    nonce: input.nonce ?? newNonce(),
  };
  const signature = await computeSignature(await deriveSigningKey(input.secret), parts, input.body);
  return {
    [SIGNING_HEADERS.keyId]: parts.keyId,
    [SIGNING_HEADERS.timestamp]: String(parts.timestampMs),
    [SIGNING_HEADERS.nonce]: parts.nonce,
    [SIGNING_HEADERS.signature]: signature,
  };
}
