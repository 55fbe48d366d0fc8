// GET /api/tls/status (hub/gateway/routes/tls-routes.ts), restated: the apps import only protocol/ types.
export interface TlsStatus {
  enabled: boolean;
  httpsPort: number | null;
  /** Where tablets point their browsers once the CA is installed. */
  httpsUrls: string[];
  caFingerprintSha256: string | null;
  caDownloadPath?: string | null;
}

/** Platforms with their own way to trust a CA, and how many steps each one's instructions have. */
export const PLATFORMS = [
  { id: 'ios', steps: 4 },
  { id: 'android', steps: 3 },
  { id: 'windows', steps: 3 },
  { id: 'macos', steps: 3 },
  { id: 'chromeos', steps: 3 },
] as const;
export type PlatformId = (typeof PLATFORMS)[number]['id'];

/** "AB:CD:…" in groups people can read aloud and compare with a tablet's settings screen. */
export function groupFingerprint(hex: string): string {
  const clean = hex.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return (clean.match(/.{1,2}/g) ?? []).join(':');
}
