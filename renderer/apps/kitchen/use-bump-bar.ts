// Listens to the keyboard for the whole screen while no dialog is open (dialogs handle their own keys).
import { useEffect, useRef } from 'react';
import { keyAction, type BumpBarAction } from './bump-bar-keys.js';

export function useBumpBar(
  onAction: (action: BumpBarAction) => void,
  enabled: boolean,
  onAnyKey: () => void,
): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  const anyKey = useRef(onAnyKey);
  anyKey.current = onAnyKey;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      anyKey.current();
      if (!enabled || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
      )
        return;
      const action = keyAction(e);
      if (!action) return;
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
