// Waiter texts of the floor (Spanish and English): tables, their states, alerts and opening a table.
export const floorEs = {
  'floor.title': 'Mesas',
  'floor.legend': 'Leyenda de colores',
  'floor.empty': 'No tienes sectores asignados. Pide al encargado que te asigne uno.',
  'floor.calls': 'Llaman',
  'floor.seats': '{n} pax',
  'floor.guests': '{n} comensales',
  'floor.guestsShort': '{n} pers.',
  'floor.since': 'desde {time}',
  'floor.opening': 'Abriendo…',
  'floor.summary': '{busy} ocupadas · {free} libres',

  'alert.ready': 'Mesa {table}: comida lista para servir',
  'alert.call': 'Mesa {table} te llama',

  'state.FREE': 'Libre',
  'state.SEATED': 'Sentados',
  'state.ORDERED': 'Pedido en marcha',
  'state.FOOD_READY': 'Para servir',
  'state.CHECK_REQUESTED': 'Pide la cuenta',
  'state.PAYING': 'Cobrando',
  'state.CALL': 'Llamada',

  'open.title': 'Abrir mesa {table}',
  'open.guests': '¿Cuántos comensales?',
  'open.submit': 'Abrir mesa con {n}',
  'open.queued': 'Mesa {table}: se abrirá cuando vuelva el hub',
};

export const floorEn: Record<keyof typeof floorEs, string> = {
  'floor.title': 'Tables',
  'floor.legend': 'Colour key',
  'floor.empty': 'You have no sectors assigned. Ask the manager to assign you one.',
  'floor.calls': 'Calling',
  'floor.seats': '{n} seats',
  'floor.guests': '{n} guests',
  'floor.guestsShort': '{n} guests',
  'floor.since': 'since {time}',
  'floor.opening': 'Opening…',
  'floor.summary': '{busy} occupied · {free} free',

  'alert.ready': 'Table {table}: food ready to serve',
  'alert.call': 'Table {table} is calling',

  'state.FREE': 'Free',
  'state.SEATED': 'Seated',
  'state.ORDERED': 'Ordered',
  'state.FOOD_READY': 'Food ready',
  'state.CHECK_REQUESTED': 'Check requested',
  'state.PAYING': 'Paying',
  'state.CALL': 'Service call',

  'open.title': 'Open table {table}',
  'open.guests': 'How many guests?',
  'open.submit': 'Open table for {n}',
  'open.queued': 'Table {table} will open when the hub is back',
};
