// Admin texts used across sections (Spanish and English): title, navigation, statuses, loading,
// form feedback, error codes and general validation (each section's own checks live with it).
export const commonEs = {
  'app.title': 'Administración',

  edit: 'Editar',

  'nav.label': 'Secciones',
  'shell.reloadNeedsHub':
    'Sin HTTPS, no recargues la página: no vuelve a cargar hasta que vuelva el hub. Lo que guardes queda pendiente y se envía al volver.',
  'nav.catalog': 'Carta',
  'nav.floor': 'Sala y mesas',
  'nav.staff': 'Personal',
  'nav.devices': 'Dispositivos',
  'nav.sync': 'Sincronización',
  'nav.cashup': 'Cierre del día',
  'nav.settings': 'Ajustes del local',
  'nav.https': 'HTTPS para tablets',
  'nav.maintenance': 'Auditoría y copias',

  'status.active': 'Activo',
  'status.inactive': 'Inactivo',

  'load.loading': 'Cargando…',
  'load.failed': 'No se pudo cargar',
  'load.notHere': 'Este hub aún no ofrece esta función (falta la ruta en el hub).',
  'load.forbidden': 'Tu rol no permite ver esto.',
  'load.unreachable': 'No se puede contactar con el hub. Se reintentará al volver la conexión.',

  'form.fixFields': 'Revisa los campos marcados.',
  'form.saved': 'Guardado',
  'form.saving': 'Guardando…',
  'form.queued': 'Sin conexión con el hub: se enviará en cuanto vuelva.',

  'err.FORBIDDEN': 'Tu rol no lo permite',
  'err.CONFLICT': 'Choca con lo que ya hay',
  'err.NOT_FOUND': 'Ya no existe',
  'err.RATE_LIMITED': 'Demasiados intentos; espera un momento',
  'err.UNAVAILABLE': 'El hub se está reiniciando; prueba en unos segundos',

  'v.required': 'Obligatorio',
  'v.tooLong': 'Demasiado largo',
  'v.money': 'Importe no válido (ej. 12,50)',
  'v.percent': 'Porcentaje entre 0 y 100 (ej. 10 o 21)',
  'v.count': 'Un número entero, 0 o más',
};

export const commonEn: Record<keyof typeof commonEs, string> = {
  'app.title': 'Admin',

  edit: 'Edit',

  'nav.label': 'Sections',
  'shell.reloadNeedsHub':
    'Without HTTPS, do not reload the page: it cannot load again until the hub is back. What you save waits and is sent then.',
  'nav.catalog': 'Menu',
  'nav.floor': 'Floor & tables',
  'nav.staff': 'Staff',
  'nav.devices': 'Devices',
  'nav.sync': 'Cloud sync',
  'nav.cashup': 'Day’s takings',
  'nav.settings': 'Branch settings',
  'nav.https': 'HTTPS for tablets',
  'nav.maintenance': 'Audit & backups',

  'status.active': 'Active',
  'status.inactive': 'Inactive',

  'load.loading': 'Loading…',
  'load.failed': 'Could not load',
  'load.notHere': 'This hub does not offer this yet (the route is missing on the hub).',
  'load.forbidden': 'Your role may not see this.',
  'load.unreachable': 'Cannot reach the hub. It will retry when the connection is back.',

  'form.fixFields': 'Check the highlighted fields.',
  'form.saved': 'Saved',
  'form.saving': 'Saving…',
  'form.queued': 'The hub is unreachable: it will be sent as soon as it is back.',

  'err.FORBIDDEN': 'Your role does not allow it',
  'err.CONFLICT': 'It clashes with what is there',
  'err.NOT_FOUND': 'It no longer exists',
  'err.RATE_LIMITED': 'Too many attempts; wait a moment',
  'err.UNAVAILABLE': 'The hub is restarting; try again in a few seconds',

  'v.required': 'Required',
  'v.tooLong': 'Too long',
  'v.money': 'Not an amount (e.g. 12.50)',
  'v.percent': 'A percentage from 0 to 100 (e.g. 10 or 21)',
  'v.count': 'A whole number, 0 or more',
};
