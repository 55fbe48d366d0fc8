// When to sound the alarm: the feed has not been live for a few seconds (a blip while the socket
// reconnects should not scream). While lost, the alarm repeats.
import { useEffect, useState } from 'react';
import type { LiveStatus } from '../../shared/live-client.js';

export const LOST_AFTER_MS = 2500;
const ALARM_EVERY_MS = 4000;

/** Returns the time the hub was lost (ms), or null while the feed is live or only blinking. */
export function useHubLost(status: LiveStatus, alarm: () => void): number | null {
  const [downSince, setDownSince] = useState<number | null>(() => (status === 'live' ? null : Date.now()));
  const [lost, setLost] = useState(false);

  useEffect(() => {
    if (status === 'live') {
      setDownSince(null);
      setLost(false);
    } else {
      setDownSince((prev) => prev ?? Date.now());
    }
  }, [status]);

  useEffect(() => {
    if (downSince === null) return;
    const wait = Math.max(0, downSince + LOST_AFTER_MS - Date.now());
    const timer = setTimeout(() => setLost(true), wait);
    return () => clearTimeout(timer);
  }, [downSince]);

  useEffect(() => {
    if (!lost) return;
    alarm();
    const timer = setInterval(alarm, ALARM_EVERY_MS);
    return () => clearInterval(timer);
  }, [lost, alarm]);

  return lost ? downSince : null;
}
