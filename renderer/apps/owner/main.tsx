// The owner dashboard's entry: providers only. No service worker: the dashboard reads the cloud live and
// has nothing useful to show offline (the hubs are what keep working without internet).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n.js';
import { ToastProvider } from '../../shared/ui/Toasts.js';
import '../../shared/ui/theme.css';
import 'uplot/dist/uPlot.min.css';
import './owner.css';
import { App } from './App.js';
import { en, es } from './texts.js';

const dictionaries = { es, en };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider dictionaries={dictionaries}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </I18nProvider>
  </StrictMode>,
);
