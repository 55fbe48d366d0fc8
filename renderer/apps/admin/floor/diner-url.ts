// Where a table's QR code sends a diner: the hub's diner app at /t/<join code>, on an address phones on
// the restaurant's wifi can reach. Loopback (the admin opened on the hub machine itself) never is.

export function dinerUrl(base: string, joinCode: string): string {
  return `${base.replace(/\/+$/, '')}/t/${encodeURIComponent(joinCode)}`;
}

export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '::1' || hostname === '[::1]' || hostname.startsWith('127.')
  );
}

/**
 * The addresses to offer, best first: the hub's own LAN addresses, then the one this page was opened on
 * when that is not loopback (a hub behind a name, or a port forward the hub cannot know about).
 */
export function baseUrlChoices(
  dinerBaseUrls: readonly string[],
  page: { origin: string; hostname: string },
): { urls: string[]; loopbackOnly: boolean } {
  const urls = [...dinerBaseUrls];
  if (!isLoopbackHost(page.hostname) && !urls.includes(page.origin)) urls.push(page.origin);
  // No LAN at all (a hub on a laptop with the wifi off): this machine's own address is all there is,
  // and the page says that phones will not reach it.
  if (urls.length === 0) return { urls: [page.origin], loopbackOnly: true };
  return { urls, loopbackOnly: false };
}
