// The admin app's entry: services made once, providers, and the service worker (HTTPS only).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n.js';
import { registerServiceWorker } from '../../shared/sw-register.js';
import { ToastProvider } from '../../shared/ui/Toasts.js';
import '../../shared/ui/theme.css';
import './admin.css';
import './styles/content.css';
import './styles/forms.css';
import './styles/pages.css';
import './styles/cashup.css';
import './floor/qr-sheet.css';
import { AdminContext, createAdminServices } from './admin-services.js';
import { App } from './App.js';
import { en, es } from './texts.js';

const services = createAdminServices();
const dictionaries = { es, en };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AdminContext.Provider value={services}>
      <I18nProvider dictionaries={dictionaries}>
        <ToastProvider>
          <App />
        </ToastProvider>
      </I18nProvider>
    </AdminContext.Provider>
  </StrictMode>,
);

registerServiceWorker();
