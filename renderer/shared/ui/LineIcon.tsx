// The frame of every line icon in the apps: a 24×24 SVG stroked in the text colour, drawn rather than
// taken from an emoji or icon font, which tablets and kitchen kiosks often lack. Each app draws its own
// shapes inside; hidden from screen readers unless given a label.
import type { ReactNode } from 'react';

export function LineIcon(props: {
  children: ReactNode;
  /** Pixels, or a CSS length such as '1.1em'. */
  size?: number | string;
  strokeWidth?: number;
  className?: string;
  label?: string;
}) {
  const size = props.size ?? 20;
  return (
    <svg
      className={props.className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={props.strokeWidth ?? 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={props.label ? 'img' : undefined}
      aria-label={props.label}
      aria-hidden={props.label ? undefined : true}
      focusable="false"
    >
      {props.children}
    </svg>
  );
}
