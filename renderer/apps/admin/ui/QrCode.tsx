// A QR code drawn as SVG (crisp on paper and screen), with the text it encodes as its accessible name.
import { useMemo } from 'react';
import { qrShape } from './qr-path.js';

export function QrCode(props: { value: string; size?: number | string; label?: string; className?: string }) {
  const shape = useMemo(() => qrShape(props.value), [props.value]);
  const side = shape.size + 8;
  return (
    <svg
      className={props.className ?? 'qr'}
      viewBox={`0 0 ${side} ${side}`}
      width={props.size ?? 160}
      height={props.size ?? 160}
      role="img"
      aria-label={props.label ?? props.value}
      shapeRendering="crispEdges"
      data-qr-value={props.value}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={shape.path} fill="#000" />
    </svg>
  );
}
