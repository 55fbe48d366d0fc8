// For the admin's component tests only (kept free of test packages, which shipped-code rules forbid): the app's providers around a screen, with the real command
// queue (in memory) in front of a stand-in for the hub's POST /api/commands — the one true edge.
import type { ReactElement, ReactNode } from 'react';
import { createApiClient } from '../../shared/api-client.js';
import { createCommandQueue, type CommandOutcome } from '../../shared/command-queue.js';
import { I18nProvider } from '../../shared/i18n.js';
import { memoryPendingStore } from '../../shared/pending-store.js';
import { createSessionStore } from '../../shared/staff-session.js';
import { ToastProvider } from '../../shared/ui/Toasts.js';
import { AdminContext, type AdminServices } from './admin-services.js';
import { en, es } from './texts.js';

export interface SentCommand {
  type: string;
  payload: Record<string, unknown>;
}

/** Answers each command with what `answer` returns for it, and records what was sent. */
export function adminHarness(
  answer: (cmd: SentCommand) => CommandOutcome = () => ({ ok: true, data: {}, seq: 1 }),
): { sent: SentCommand[]; wrap: (ui: ReactElement) => ReactElement } {
  localStorage.setItem('comanda.lang', 'es');
  const sent: SentCommand[] = [];
  const api = createApiClient();
  const services: AdminServices = {
    api,
    loginApi: api,
    sessions: createSessionStore('admin-test'),
    commands: createCommandQueue(memoryPendingStore(), async (cmd) => {
      const c = { type: cmd.type, payload: cmd.payload };
      sent.push(c);
      return answer(c);
    }),
  };
  const Providers = (props: { children: ReactNode }) => (
    <AdminContext.Provider value={services}>
      <I18nProvider dictionaries={{ es, en }}>
        <ToastProvider>{props.children}</ToastProvider>
      </I18nProvider>
    </AdminContext.Provider>
  );
  return { sent, wrap: (ui) => <Providers>{ui}</Providers> };
}
