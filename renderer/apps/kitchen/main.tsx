// The kitchen display: dark, 1920×1080, keyboard (bump bar) only.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n.js';
import { registerServiceWorker } from '../../shared/sw-register.js';
import { ToastProvider } from '../../shared/ui/Toasts.js';
import '../../shared/ui/theme.css';
import './kitchen.css';
import { App } from './App.js';
import { createKitchenServices } from './services.js';
import { en, es } from './texts.js';

document.documentElement.dataset.theme = 'dark';
const services = createKitchenServices();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider dictionaries={{ es, en }}>
      <ToastProvider>
        <App services={services} />
      </ToastProvider>
    </I18nProvider>
  </StrictMode>,
);
registerServiceWorker();
