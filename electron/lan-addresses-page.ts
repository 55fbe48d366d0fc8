// The small "LAN addresses" window: one block per address with its QR code. Static HTML with
// a strict Content-Security-Policy (no scripts), loaded from a data: URL by the tray.
import type { LanAddressWithQr } from './lan-addresses.js';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function renderLanAddressesPage(addresses: readonly LanAddressWithQr[]): string {
  const blocks = addresses.length
    ? addresses
        .map(
          (entry) => `<section>
  <img src="${escapeHtml(entry.qrDataUrl)}" alt="QR code for ${escapeHtml(entry.url)}" width="200" height="200">
  <p><strong>${escapeHtml(entry.url)}</strong><br><small>${escapeHtml(entry.interfaceName)}</small></p>
</section>`,
        )
        .join('\n')
    : "<p>This computer has no network address on a LAN. Connect it to the restaurant's network and open this window again.</p>";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Comanda: LAN addresses</title>
<style>
  body { font: 15px system-ui, sans-serif; margin: 16px; color: #222; }
  main { display: flex; flex-wrap: wrap; gap: 16px; }
  section { border: 1px solid #ddd; border-radius: 8px; padding: 12px; text-align: center; }
  p { margin: 8px 0 0; user-select: text; }
</style>
</head>
<body>
<p>On each tablet, scan a code or type an address (the tablet must be on the same network).</p>
<main>
${blocks}
</main>
</body>
</html>
`;
}
