// The diner app's entry (served at /t/<join code>): providers, the runtime for this table, the service worker.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n.js';
import { registerServiceWorker } from '../../shared/sw-register.js';
import { useStore } from '../../shared/use-store.js';
import { ToastProvider } from '../../shared/ui/Toasts.js';
import '../../shared/ui/theme.css';
import './table.css';
import { App } from './App.js';
import { RuntimeContext } from './runtime-context.js';
import { createTableRuntime, joinCodeFromPath } from './table-runtime.js';
import { en, es } from './texts.js';

const runtime = createTableRuntime(joinCodeFromPath(location.pathname));
const dictionaries = { es, en };

/** Prices in the restaurant's own currency, known once the menu has loaded. */
function Root() {
  const currency = useStore(runtime.store, (s) => s.session?.settings.currency ?? s.menu?.currency ?? 'EUR');
  return (
    <I18nProvider dictionaries={dictionaries} currency={currency}>
      <ToastProvider>
        <RuntimeContext.Provider value={runtime}>
          <App />
        </RuntimeContext.Provider>
      </ToastProvider>
    </I18nProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

registerServiceWorker();
