// The addresses tablets on the restaurant's LAN can use to reach the hub, each with a QR code
// to scan when pairing a tablet. Plain Node: used by the tray and the bridge, tested directly.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import QRCode from 'qrcode';

export interface LanAddress {
  readonly interfaceName: string;
  readonly address: string;
  /** What a waiter's tablet opens, e.g. http://192.168.1.20:8080/waiter/ */
  readonly url: string;
}

export interface LanAddressWithQr extends LanAddress {
  /** A PNG QR code of `url`, as a data: URL ready for an <img>. */
  readonly qrDataUrl: string;
}

export interface LanAddressOptions {
  readonly interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
  readonly path?: string;
}

/** Non-internal IPv4 addresses; link-local ones (169.254.x.x, no DHCP answer) come last. */
export function listLanAddresses(port: number, options: LanAddressOptions = {}): LanAddress[] {
  const interfaces = options.interfaces ?? networkInterfaces();
  const path = options.path ?? '/waiter/';
  const seen = new Set<string>();
  const found: LanAddress[] = [];
  for (const [interfaceName, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // Node 18.0-18.3 reported the family as the number 4.
      const ipv4 = info.family === 'IPv4' || (info.family as unknown) === 4;
      if (!ipv4 || info.internal || seen.has(info.address)) continue;
      seen.add(info.address);
      found.push({ interfaceName, address: info.address, url: `http://${info.address}:${port}${path}` });
    }
  }
  const linkLocal = (entry: LanAddress): number => (entry.address.startsWith('169.254.') ? 1 : 0);
  return found.sort((a, b) => linkLocal(a) - linkLocal(b));
}

export async function withQrCodes(addresses: readonly LanAddress[]): Promise<LanAddressWithQr[]> {
  return Promise.all(
    addresses.map(async (entry) => ({
      ...entry,
      qrDataUrl: await QRCode.toDataURL(entry.url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
    })),
  );
}
