// The hub's own certificate authority, so tablets on the LAN get HTTPS (and with it service workers,
// i.e. apps that reload with the hub unreachable). Made once on first start and kept in <dataDir>/tls:
// a CA certificate the manager installs on each tablet (admin → HTTPS), and a server certificate for
// this machine's names and LAN addresses, issued again when those change or it nears expiry.
import { createHash, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** The Web Crypto type x509 is written against; Node's webcrypto is that API. */
type X509Crypto = NonNullable<Parameters<typeof x509.X509CertificateGenerator.create>[1]>;
x509.cryptoProvider.set(webcrypto as unknown as X509Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 3600 * 1000;
/** Apple refuses server certificates valid longer than 398 days, even from a user-installed CA. */
const SERVER_DAYS = 397;
const CA_YEARS = 10;
const RENEW_BEFORE_DAYS = 30;

export interface LocalTls {
  dir: string;
  caCertFile: string;
  certFile: string;
  keyFile: string;
  caPem: string;
  /** SHA-256 of the CA certificate's DER, as people compare it on a tablet's settings screen. */
  caFingerprintSha256: string;
  /** The names and addresses the server certificate covers. */
  names: string[];
  /** True when this call made a new CA (first start). */
  createdCa: boolean;
}

function serial(): string {
  // Positive 16-byte serial: the top bit cleared so DER does not read it as negative.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd()}\n-----END PRIVATE KEY-----\n`;
}

async function importKeyPem(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, ALG, false, ['sign']);
}

function fingerprint(cert: x509.X509Certificate): string {
  return createHash('sha256')
    .update(Buffer.from(cert.rawData))
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

async function createCa(label: string): Promise<{ cert: x509.X509Certificate; keyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=Comanda local CA (${label}), O=Comanda`,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + CA_YEARS * 365 * DAY),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keyPem: await exportKeyPem(keys.privateKey) };
}

async function issueServerCert(
  ca: x509.X509Certificate,
  caKey: CryptoKey,
  names: readonly string[],
): Promise<{ cert: x509.X509Certificate; keyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = Date.now();
  const isIp = (n: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(n) || n.includes(':');
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names[0] ?? 'localhost'}, O=Comanda hub`,
    issuer: ca.subject,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + SERVER_DAYS * DAY),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((n) => ({ type: isIp(n) ? ('ip' as const) : ('dns' as const), value: n })),
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  return { cert, keyPem: await exportKeyPem(keys.privateKey) };
}

function coveredNames(cert: x509.X509Certificate): string[] {
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return san ? san.names.items.map((n) => n.value).sort() : [];
}

/** The names a tablet may use to reach this machine: localhost, its hostname (and .local), its addresses. */
export function hubNames(addresses: readonly string[]): string[] {
  const host = hostname();
  const names = new Set(['localhost', '127.0.0.1', host, `${host}.local`, ...addresses]);
  return [...names].filter((n) => n.length > 0);
}

/**
 * Loads the hub's TLS material from `dir`, creating the CA on first use and (re)issuing the server
 * certificate when its names changed (a new LAN address) or it expires within 30 days.
 */
export async function ensureLocalTls(
  dir: string,
  names: readonly string[],
  label = hostname(),
): Promise<LocalTls> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caCertFile = path.join(dir, 'ca.crt');
  const caKeyFile = path.join(dir, 'ca.key');
  const certFile = path.join(dir, 'server.crt');
  const keyFile = path.join(dir, 'server.key');

  let createdCa = false;
  if (!existsSync(caCertFile) || !existsSync(caKeyFile)) {
    const made = await createCa(label);
    writeFileSync(caKeyFile, made.keyPem, { mode: 0o600 });
    writeFileSync(caCertFile, made.cert.toString('pem') + '\n');
    createdCa = true;
  }
  const caPem = readFileSync(caCertFile, 'utf8');
  const ca = new x509.X509Certificate(caPem);

  const wanted = [...new Set(names)].sort();
  let reissue = createdCa || !existsSync(certFile) || !existsSync(keyFile);
  if (!reissue) {
    const current = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
    const expiresSoon = current.notAfter.getTime() - Date.now() < RENEW_BEFORE_DAYS * DAY;
    const sameIssuer = current.issuer === ca.subject;
    reissue = expiresSoon || !sameIssuer || coveredNames(current).join(',') !== wanted.join(',');
  }
  if (reissue) {
    const caKey = await importKeyPem(readFileSync(caKeyFile, 'utf8'));
    const issued = await issueServerCert(ca, caKey, names);
    writeFileSync(keyFile, issued.keyPem, { mode: 0o600 });
    // The chain (server, then CA) so clients that were given only the CA still build the path.
    writeFileSync(certFile, issued.cert.toString('pem') + '\n' + caPem);
  }
  return {
    dir,
    caCertFile,
    certFile,
    keyFile,
    caPem,
    caFingerprintSha256: fingerprint(ca),
    names: wanted,
    createdCa,
  };
}
