// A ticket's age, written by the shared AgeClock (one interval for the whole board), never by React.
import { createContext, useContext, useLayoutEffect, useRef } from 'react';
import type { AgeClock } from './age-clock.js';

export const AgeClockContext = createContext<AgeClock | null>(null);

export function AgeLabel(props: { since: string }) {
  const clock = useContext(AgeClockContext);
  const ref = useRef<HTMLSpanElement>(null);
  const sinceMs = Date.parse(props.since);
  useLayoutEffect(() => {
    if (!clock || !ref.current) return;
    // The card by the DOM, not a ref: a parent's ref is not attached yet when a child's effect runs.
    return clock.register(ref.current, sinceMs, ref.current.closest<HTMLElement>('.ticket'));
  }, [clock, sinceMs]);
  // No children: React never writes this span's text, so the clock's writes stick.
  return <span ref={ref} className="age" role="timer" />;
}
