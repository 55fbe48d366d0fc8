import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { renderLanAddressesPage } from './lan-addresses-page.js';
import { listLanAddresses, withQrCodes } from './lan-addresses.js';

const info = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null }) as NetworkInterfaceInfo;

describe('LAN addresses', () => {
  it('lists a waiter URL for every non-internal IPv4 address, link-local ones last', () => {
    const interfaces = {
      lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
      eth0: [info('169.254.10.2', 'IPv4')],
      wlan0: [info('192.168.1.20', 'IPv4'), info('fe80::1', 'IPv6')],
    };
    expect(listLanAddresses(8080, { interfaces })).toEqual([
      { interfaceName: 'wlan0', address: '192.168.1.20', url: 'http://192.168.1.20:8080/waiter/' },
      { interfaceName: 'eth0', address: '169.254.10.2', url: 'http://169.254.10.2:8080/waiter/' },
    ]);
  });

  it('lists an address held by two interfaces once', () => {
    const interfaces = { eth0: [info('10.0.0.5', 'IPv4')], br0: [info('10.0.0.5', 'IPv4')] };
    expect(listLanAddresses(80, { interfaces, path: '/kitchen/' })).toEqual([
      { interfaceName: 'eth0', address: '10.0.0.5', url: 'http://10.0.0.5:80/kitchen/' },
    ]);
  });

  it('reads this machine’s interfaces when none are given, never listing loopback', () => {
    expect(listLanAddresses(8080).every((entry) => !entry.address.startsWith('127.'))).toBe(true);
  });

  it('makes a PNG QR code for each address', async () => {
    const [entry] = await withQrCodes([
      { interfaceName: 'eth0', address: '10.0.0.5', url: 'http://10.0.0.5:8080/waiter/' },
    ]);
    expect(entry?.qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  });

  it('renders a page with each address and its code, escaping what it shows', async () => {
    const addresses = await withQrCodes([
      { interfaceName: '<eth0>', address: '10.0.0.5', url: 'http://10.0.0.5:8080/waiter/' },
    ]);
    const html = renderLanAddressesPage(addresses);
    expect(html).toContain('http://10.0.0.5:8080/waiter/');
    expect(html).toContain('&#60;eth0&#62;');
    expect(html).not.toContain('<eth0>');
    expect(html).toContain(`src="${addresses[0]!.qrDataUrl}"`);
    expect(html).not.toContain('<script');
  });

  it('says what to do when the machine has no LAN address', () => {
    expect(renderLanAddressesPage([])).toContain('no network address on a LAN');
  });
});
