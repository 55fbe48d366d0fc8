// The waiter app's entry: providers, the runtime (sign-in, live feed, offline queue) and the service worker.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n.js';
import { registerServiceWorker } from '../../shared/sw-register.js';
import { ToastProvider } from '../../shared/ui/Toasts.js';
import '../../shared/ui/theme.css';
import './waiter.css';
import { App } from './App.js';
import { RuntimeContext } from './runtime-context.js';
import { en, es } from './texts.js';
import { createWaiterRuntime } from './waiter-runtime.js';

const runtime = createWaiterRuntime();
const dictionaries = { es, en };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider dictionaries={dictionaries}>
      <ToastProvider>
        <RuntimeContext.Provider value={runtime}>
          <App />
        </RuntimeContext.Provider>
      </ToastProvider>
    </I18nProvider>
  </StrictMode>,
);

registerServiceWorker();
