// Writes from the admin app: each is a command with an id made before the first attempt, sent through
// the shared offline-first queue. A form wants one answer — done, refused (with the hub's code and
// message, shown beside the field), or queued (the hub is unreachable; it goes when the hub is back).
import { useCallback } from 'react';
import { ApiError } from '../../shared/api-client.js';
import { useAdmin } from './admin-services.js';
import { refreshNow } from './data-freshness.js';

export interface HubError {
  code: string;
  message: string;
  details?: unknown;
}

export type CommandAnswer =
  | { status: 'done'; data: Record<string, unknown> }
  | { status: 'refused'; error: HubError }
  | { status: 'queued' };

export type RunCommand = (
  type: string,
  payload: Record<string, unknown>,
  label: string,
) => Promise<CommandAnswer>;

export function useRunCommand(): RunCommand {
  const { commands } = useAdmin();
  return useCallback(
    async (type, payload, label) => {
      const result = await commands.submit(type, payload, label);
      if (result.status === 'done' && result.outcome?.ok) {
        refreshNow();
        return { status: 'done', data: (result.outcome.data ?? {}) as Record<string, unknown> };
      }
      if (result.status === 'refused' && result.outcome && !result.outcome.ok) {
        // The form shows the refusal beside its field; keeping it in the pending list too would repeat it.
        await commands.dismiss(result.commandId);
        return { status: 'refused', error: result.outcome.error };
      }
      return { status: 'queued' };
    },
    [commands],
  );
}

/** The hub's refusal of a plain API call (not a command), in the same shape as a command's. */
export function hubErrorOf(err: unknown): HubError {
  if (err instanceof ApiError) return { code: err.code, message: err.message, details: err.details };
  if (err instanceof Error && err.name === 'NetworkError') return { code: 'NETWORK', message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
