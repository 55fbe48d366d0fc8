// Small line icons drawn in SVG: tablets in the field often lack an emoji font, and these follow the text
// colour and size.
import type { ReactNode } from 'react';
import { LineIcon } from '../../shared/ui/LineIcon.js';

function Icon(props: { children: ReactNode; label?: string }) {
  return (
    <LineIcon className="icon" size="1.1em" strokeWidth={2.2} label={props.label}>
      {props.children}
    </LineIcon>
  );
}

export const BellIcon = (p: { label?: string }) => (
  <Icon label={p.label}>
    <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
    <path d="M10.3 21a1.9 1.9 0 0 0 3.4 0" />
  </Icon>
);
export const FlameIcon = () => (
  <Icon>
    <path d="M12 22c4 0 7-3 7-7 0-4-3-6-4-9-1 2-2 3-4 3 0-3-1-5-3-7 0 4-4 7-4 12 0 5 4 8 8 8z" />
  </Icon>
);
export const ClockIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Icon>
);
export const PauseIcon = () => (
  <Icon>
    <path d="M9 6v12M15 6v12" />
  </Icon>
);
export const CheckIcon = () => (
  <Icon>
    <path d="M5 12l5 5L20 7" />
  </Icon>
);
