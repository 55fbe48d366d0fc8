// Texts of the admin's branch settings page (Spanish and English).
export const settingsEs = {
  'settings.title': 'Ajustes del local',
  'settings.subtitle':
    'Cómo trabaja este local: pedidos desde el móvil, servicio, llamadas, moneda, idioma y horario.',
  'settings.adminOnly': 'Solo un administrador puede cambiar los ajustes. Puedes consultarlos.',
  'settings.save': 'Guardar ajustes',
  'settings.saveLabel': 'Ajustes del local',
  'settings.unchanged': 'No hay cambios que guardar.',

  'settings.dinersTitle': 'Pedidos de los clientes (QR)',
  'settings.dinersIntro':
    'Cuando un cliente envía una ronda desde su móvil, puede ir directa a cocina o esperar a que un camarero la confirme.',
  'settings.dinersConfirm': 'El camarero confirma',
  'settings.dinersDirect': 'Directa a cocina',
  'settings.dinersConfirmHint': 'La ronda espera en la tablet del camarero hasta que la confirma.',
  'settings.dinersDirectHint': 'La ronda llega a cocina en cuanto el cliente la envía.',

  'settings.serviceTitle': 'Servicio',
  'settings.serviceCharge': 'Cargo por servicio (%)',
  'settings.serviceChargeHint': '0 si no se cobra. Se suma a la cuenta antes de propinas.',
  'settings.serviceMinGuests': 'Solo en mesas de al menos (comensales)',
  'settings.serviceMinGuestsHint': 'Vacío: en todas las mesas.',
  'settings.escalation': 'Avisar a todos los camareros tras (segundos)',
  'settings.escalationHint': 'Si nadie atiende una llamada de mesa en ese tiempo (10–3600).',

  'settings.regionTitle': 'Moneda, idioma y horario',
  'settings.currency': 'Moneda',
  'settings.currencyHint': 'Código ISO de tres letras (EUR, USD, MXN…).',
  'settings.locale': 'Idioma del local',
  'settings.localeHint': 'El de las comandas y cuentas impresas. Cada persona elige el suyo en su app.',
  'settings.timeZone': 'Zona horaria',
  'settings.dayStart': 'El día de trabajo empieza a las',
  'settings.dayStartHint':
    'Lo vendido de madrugada cuenta en el día anterior hasta esta hora (numeración de tiques e informes).',
  'settings.hour': '{h}:00',

  'v.currency': 'Tres letras mayúsculas, p. ej. EUR',
  'v.escalation': 'Entre 10 y 3600 segundos',
  'v.minGuests': 'Entre 1 y 100, o vacío',
  'v.serviceCharge': 'Entre 0 y 50 %',
};

export const settingsEn: Record<keyof typeof settingsEs, string> = {
  'settings.title': 'Branch settings',
  'settings.subtitle':
    'How this restaurant works: orders from phones, service, table calls, currency, language and hours.',
  'settings.adminOnly': 'Only an administrator can change the settings. You can look at them.',
  'settings.save': 'Save settings',
  'settings.saveLabel': 'Branch settings',
  'settings.unchanged': 'Nothing has changed.',

  'settings.dinersTitle': 'Diner orders (QR)',
  'settings.dinersIntro':
    'When a diner sends a round from their phone, it can go straight to the kitchen or wait for a waiter to confirm it.',
  'settings.dinersConfirm': 'A waiter confirms',
  'settings.dinersDirect': 'Straight to the kitchen',
  'settings.dinersConfirmHint': 'The round waits on the waiter’s tablet until they confirm it.',
  'settings.dinersDirectHint': 'The round reaches the kitchen as soon as the diner sends it.',

  'settings.serviceTitle': 'Service',
  'settings.serviceCharge': 'Service charge (%)',
  'settings.serviceChargeHint': '0 for none. Added to the bill before tips.',
  'settings.serviceMinGuests': 'Only on tables of at least (guests)',
  'settings.serviceMinGuestsHint': 'Empty: on every table.',
  'settings.escalation': 'Alert every waiter after (seconds)',
  'settings.escalationHint': 'When nobody answers a table’s call within that time (10–3600).',

  'settings.regionTitle': 'Currency, language and hours',
  'settings.currency': 'Currency',
  'settings.currencyHint': 'Three-letter ISO code (EUR, USD, MXN…).',
  'settings.locale': 'Restaurant language',
  'settings.localeHint': 'That of printed tickets and bills. Each person picks their own in their app.',
  'settings.timeZone': 'Time zone',
  'settings.dayStart': 'The business day starts at',
  'settings.dayStartHint':
    'Sales after midnight count in the day before until this hour (ticket numbers and reports).',
  'settings.hour': '{h}:00',

  'v.currency': 'Three capital letters, e.g. EUR',
  'v.escalation': 'Between 10 and 3600 seconds',
  'v.minGuests': 'Between 1 and 100, or empty',
  'v.serviceCharge': 'Between 0 and 50 %',
};
