// Line icons drawn inline: a kitchen screen may have no emoji font, and these stay crisp at any size.
import type { ReactNode } from 'react';
import { LineIcon } from '../../shared/ui/LineIcon.js';

function Icon(props: { children: ReactNode; size?: number; label?: string }) {
  const size = props.size ?? 22;
  return (
    <LineIcon className="icon" size={size} strokeWidth={2.4} label={props.label}>
      {props.children}
    </LineIcon>
  );
}

export const BellIcon = (p: { label?: string }) => (
  <Icon label={p.label}>
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </Icon>
);

export const BellOffIcon = (p: { label?: string }) => (
  <Icon label={p.label}>
    <path d="M8.7 3A6 6 0 0 1 18 8a21.3 21.3 0 0 0 .6 5" />
    <path d="M17 17H3s3-2 3-9a4.67 4.67 0 0 1 .3-1.7" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    <path d="m2 2 20 20" />
  </Icon>
);

export const PauseIcon = (p: { size?: number }) => (
  <Icon size={p.size ?? 18}>
    <path d="M9 5v14M15 5v14" />
  </Icon>
);

export const ClockIcon = (p: { size?: number }) => (
  <Icon size={p.size ?? 18}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Icon>
);

export const PrinterIcon = (p: { size?: number }) => (
  <Icon size={p.size ?? 18}>
    <path d="M6 9V3h12v6M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2" />
    <path d="M6 14h12v7H6z" />
  </Icon>
);

export const LogoutIcon = () => (
  <Icon size={18}>
    <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
  </Icon>
);
