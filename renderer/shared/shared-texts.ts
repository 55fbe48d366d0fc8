// Texts of the shared components; each app spreads these into its own dictionaries.
import type { Lang } from './i18n.js';

export const sharedEs = {
  'conn.live': 'En directo',
  'conn.connecting': 'Conectando…',
  'conn.offline': 'Sin conexión con el hub',
  'conn.unauthorized': 'Sesión caducada',
  'pending.queued': 'Esperando al hub',
  'pending.sending': 'Enviando…',
  'pending.failed': 'Rechazado',
  'pending.dismiss': 'Descartar',
  'pending.title': 'Pendiente de enviar',
  'offline.reloadNeedsHub':
    'Sin HTTPS: lo que hagas se guarda y se envía al volver, pero recargar la página necesita el hub.',
  'login.title': '¿Quién eres?',
  'login.pin': 'PIN de {name}',
  'login.wrong': 'PIN incorrecto',
  'login.tooMany': 'Demasiados intentos. Espera un minuto y vuelve a probar.',
  'login.back': 'Volver',
  'login.clear': 'Borrar',
  'login.delete': 'Borrar un dígito',
  'login.noStaff': 'No hay personal con acceso a esta aplicación.',
  'login.hubDown': 'No se puede contactar con el hub. Reintentando…',
  'lang.switch': 'Idioma / Language',
  logout: 'Salir',
  close: 'Cerrar',
  cancel: 'Cancelar',
  save: 'Guardar',
  retry: 'Reintentar',
  'role.ADMIN': 'Administración',
  'role.MANAGER': 'Encargado',
  'role.WAITER': 'Camarero',
  'role.KITCHEN': 'Cocina',
};

export const sharedEn: Record<keyof typeof sharedEs, string> = {
  'conn.live': 'Live',
  'conn.connecting': 'Connecting…',
  'conn.offline': 'Hub unreachable',
  'conn.unauthorized': 'Signed out',
  'pending.queued': 'Waiting for the hub',
  'pending.sending': 'Sending…',
  'pending.failed': 'Refused',
  'pending.dismiss': 'Dismiss',
  'pending.title': 'Not sent yet',
  'offline.reloadNeedsHub':
    'No HTTPS: what you do is kept and sent when the hub is back, but reloading the page needs the hub.',
  'login.title': 'Who are you?',
  'login.pin': "{name}'s PIN",
  'login.wrong': 'Wrong PIN',
  'login.tooMany': 'Too many attempts. Wait a minute and try again.',
  'login.back': 'Back',
  'login.clear': 'Clear',
  'login.delete': 'Delete a digit',
  'login.noStaff': 'Nobody has access to this app.',
  'login.hubDown': 'Cannot reach the hub. Retrying…',
  'lang.switch': 'Language / Idioma',
  logout: 'Sign out',
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  retry: 'Retry',
  'role.ADMIN': 'Admin',
  'role.MANAGER': 'Manager',
  'role.WAITER': 'Waiter',
  'role.KITCHEN': 'Kitchen',
};

/**
 * The shared components' own labels (a dialog's close button, the language switch) in the language on
 * screen, read from here so they never hang on an app's dictionary having spread these.
 */
export function sharedTexts(lang: Lang): Record<keyof typeof sharedEs, string> {
  return lang === 'es' ? sharedEs : sharedEn;
}
