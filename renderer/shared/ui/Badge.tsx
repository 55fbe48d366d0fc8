import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'ok' | 'warn' | 'danger' | 'info' | 'brand';

export function Badge(props: { tone?: Tone; children: ReactNode; title?: string }) {
  const tone = props.tone ?? 'neutral';
  return (
    <span className={tone === 'neutral' ? 'badge' : `badge badge-${tone}`} title={props.title}>
      {props.children}
    </span>
  );
}
