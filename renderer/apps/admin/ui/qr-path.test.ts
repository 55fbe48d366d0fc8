// The drawn QR code must be exactly the `qrcode` package's symbol: every dark module painted once, no
// light one painted, framed by the 4-module quiet zone scanners need.
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrShape } from './qr-path.js';

function paint(path: string, side: number): boolean[][] {
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i++) {
      expect(grid[y]![x + i], `module ${x + i},${y} painted twice`).toBe(false);
      grid[y]![x + i] = true;
    }
  }
  return grid;
}

describe('QR codes on the table cards', () => {
  it.each([
    'http://192.168.1.20:8080/t/WFUZ4U',
    'http://10.0.0.5:8080/kitchen/?device=cdv_PbQDcTFH5tGA5uTU6s1fvmkf8ZFe22kABJmvPvHp14k',
    'http://192.168.1.20:8080/api/tls/ca.crt',
  ])('draws the same modules as the qrcode package for %s', (text) => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const shape = qrShape(text);
    expect(shape.size).toBe(modules.size);
    const side = shape.size + 8;
    const grid = paint(shape.path, side);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const inside = x >= 4 && y >= 4 && x < shape.size + 4 && y < shape.size + 4;
        const dark = inside && Boolean(modules.get(y - 4, x - 4));
        expect(grid[y]![x], `module ${x},${y}`).toBe(dark);
      }
    }
  });
});
