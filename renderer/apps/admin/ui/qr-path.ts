// A QR code as one SVG path: the `qrcode` package encodes (≈10 KB gzipped in the bundle), this draws.
// Vector output stays sharp at any print size, and one path per code keeps a 40-table sheet light.
import { create } from 'qrcode';

export interface QrShape {
  /** Modules per side, quiet zone excluded. */
  size: number;
  /** `M x y h w v 1 h -w z` for each horizontal run of dark modules, offset by the quiet zone. */
  path: string;
}

/** Medium error correction (15 %) survives a scuffed or folded table card without a denser code. */
export function qrShape(text: string, quietZone = 4): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const { size } = modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules.get(y, x)) x++;
      parts.push(`M${start + quietZone} ${y + quietZone}h${x - start}v1h${start - x}z`);
    }
  }
  return { size, path: parts.join('') };
}
