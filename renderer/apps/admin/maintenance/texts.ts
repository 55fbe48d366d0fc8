// Texts of the admin audit and backup section (Spanish and English).
export const maintenanceEs = {
  'maint.title': 'Auditoría y copias',
  'maint.subtitle':
    'Comprueba que el registro de cobros no se ha alterado y guarda copias de la base de datos.',
  'maint.hub': 'Estado del hub',
  'maint.state': 'Estado',
  'maint.ready': 'Funcionando',
  'maint.notReady': 'Arrancando o parando',
  'maint.version': 'Versión',
  'maint.startedAt': 'En marcha desde',

  'audit.title': 'Cadena de auditoría',
  'audit.intro':
    'Cada cobro, devolución y anulación queda encadenado al anterior con una huella. Si alguien alterase un registro, la cadena se rompería en ese punto.',
  'audit.verify': 'Verificar ahora',
  'audit.verifying': 'Verificando…',
  'audit.ok': 'Cadena íntegra: {n} registros comprobados',
  'audit.broken': 'La cadena está rota',
  'audit.firstBad': 'Primer registro incorrecto: posición {pos} ({reason})',
  'audit.head': 'Huella final: {hash}',
  'audit.checkedAt': 'Comprobado a las {when}',

  'backup.title': 'Copia de seguridad',
  'backup.intro':
    'Descarga una copia completa y coherente de la base de datos del hub, sin parar el servicio.',
  'backup.download': 'Descargar copia',
  'backup.working': 'Preparando la copia…',
  'backup.keep':
    'Guárdala fuera de este equipo (un pendrive o la nube). Contiene datos de clientes y ventas.',
  'backup.done': 'Copia descargada: {name} ({size} KB)',
  'backup.failed': 'No se pudo descargar la copia: {reason}',
};

export const maintenanceEn: Record<keyof typeof maintenanceEs, string> = {
  'maint.title': 'Audit & backups',
  'maint.subtitle':
    'Check that the payments log has not been tampered with, and keep copies of the database.',
  'maint.hub': 'Hub status',
  'maint.state': 'State',
  'maint.ready': 'Running',
  'maint.notReady': 'Starting or stopping',
  'maint.version': 'Version',
  'maint.startedAt': 'Running since',

  'audit.title': 'Audit chain',
  'audit.intro':
    'Every payment, refund and void is chained to the one before by a hash. If anyone changed a record, the chain would break right there.',
  'audit.verify': 'Verify now',
  'audit.verifying': 'Verifying…',
  'audit.ok': 'Chain intact: {n} records checked',
  'audit.broken': 'The chain is broken',
  'audit.firstBad': 'First bad record: position {pos} ({reason})',
  'audit.head': 'Head hash: {hash}',
  'audit.checkedAt': 'Checked at {when}',

  'backup.title': 'Backup',
  'backup.intro': 'Download a complete, consistent copy of the hub’s database without stopping service.',
  'backup.download': 'Download backup',
  'backup.working': 'Preparing the copy…',
  'backup.keep': 'Keep it off this machine (a USB stick or the cloud). It holds customer and sales data.',
  'backup.done': 'Backup downloaded: {name} ({size} KB)',
  'backup.failed': 'Could not download the backup: {reason}',
};
