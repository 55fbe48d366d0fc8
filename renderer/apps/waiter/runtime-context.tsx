// React access to the waiter runtime: its state slices, and a command runner that tells the person what
// happened (sent, kept for later, or refused and why).
import { createContext, useCallback, useContext } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { useStore } from '../../shared/use-store.js';
import type { SubmitResult } from '../../shared/command-queue.js';
import type { WaiterRuntime, WaiterState } from './waiter-runtime.js';

export const RuntimeContext = createContext<WaiterRuntime | null>(null);

export function useRuntime(): WaiterRuntime {
  const rt = useContext(RuntimeContext);
  if (!rt) throw new Error('useRuntime outside <RuntimeContext.Provider>');
  return rt;
}

export function useWaiter<S>(select: (s: WaiterState) => S): S {
  return useStore(useRuntime().state, select);
}

export function usePending() {
  return useStore(useRuntime().pending);
}

export interface RunOptions {
  /** Shown when the hub ran it. */
  done?: string;
  /** Shown instead of the generic "saved for later" when it was queued. */
  queued?: string;
}

export function useCommand(): (
  type: string,
  payload: Record<string, unknown>,
  label: string,
  options?: RunOptions,
) => Promise<SubmitResult> {
  const rt = useRuntime();
  const toast = useToast();
  const { t } = useI18n();
  return useCallback(
    async (type, payload, label, options = {}) => {
      const result = await rt.submit(type, payload, label);
      if (result.status === 'done' && options.done) toast(options.done, 'ok');
      if (result.status === 'queued') toast(options.queued ?? t('cmd.queued'));
      if (result.status === 'refused' && result.outcome && !result.outcome.ok) {
        toast(t('cmd.refused', { reason: result.outcome.error.message }), 'danger');
      }
      return result;
    },
    [rt, toast, t],
  );
}
