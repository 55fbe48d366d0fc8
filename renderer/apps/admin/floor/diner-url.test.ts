import { describe, expect, it } from 'vitest';
import { baseUrlChoices, dinerUrl } from './diner-url.js';

describe('where the table QR codes point', () => {
  it('offers the hub’s LAN addresses first, then the address this page was opened on', () => {
    expect(
      baseUrlChoices(['http://192.168.1.20:8080'], {
        origin: 'http://hub.local:8080',
        hostname: 'hub.local',
      }),
    ).toEqual({ urls: ['http://192.168.1.20:8080', 'http://hub.local:8080'], loopbackOnly: false });
  });

  it('never offers loopback while there is a LAN address, and says so when there is none', () => {
    const loopback = { origin: 'http://127.0.0.1:8080', hostname: '127.0.0.1' };
    expect(baseUrlChoices(['http://10.0.0.2:8080'], loopback)).toEqual({
      urls: ['http://10.0.0.2:8080'],
      loopbackOnly: false,
    });
    expect(baseUrlChoices([], loopback)).toEqual({ urls: ['http://127.0.0.1:8080'], loopbackOnly: true });
  });

  it('builds the diner URL from the join code', () => {
    expect(dinerUrl('http://10.0.0.2:8080/', 'WFUZ4U')).toBe('http://10.0.0.2:8080/t/WFUZ4U');
  });
});
