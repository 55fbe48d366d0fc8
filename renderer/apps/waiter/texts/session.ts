// Waiter texts of one open table (Spanish and English): its tabs, calls from the table, moving
// and merging.
export const sessionEs = {
  'session.back': 'Sala',
  'session.table': 'Mesa {table}',
  'session.loading': 'Cargando mesa…',
  'session.closed': 'Esta mesa ya está cerrada.',
  'session.tabMenu': 'Carta',
  'session.tabOrder': 'Comanda',
  'session.tabCheck': 'Cuenta',
  'session.transfer': 'Cambiar de mesa',
  'session.merge': 'Juntar mesas',
  'session.requestCheck': 'Pedir cuenta',

  'calls.CALL_WAITER': 'Llaman al camarero',
  'calls.REQUEST_CHECK': 'Piden la cuenta',
  'calls.OTHER': 'Aviso de la mesa',
  'calls.ack': 'Voy',
  'calls.resolve': 'Atendida',
  'calls.acknowledged': 'En camino',

  'transfer.title': 'Cambiar la mesa {table} a…',
  'transfer.none': 'No hay mesas libres en tus sectores.',

  'merge.title': 'Juntar la mesa {table} con…',
  'merge.hint': 'Todo lo de esta mesa pasa a la mesa elegida.',
  'merge.none': 'No hay otras mesas ocupadas en tus sectores.',
};

export const sessionEn: Record<keyof typeof sessionEs, string> = {
  'session.back': 'Floor',
  'session.table': 'Table {table}',
  'session.loading': 'Loading table…',
  'session.closed': 'This table is closed.',
  'session.tabMenu': 'Menu',
  'session.tabOrder': 'Order',
  'session.tabCheck': 'Check',
  'session.transfer': 'Move table',
  'session.merge': 'Merge tables',
  'session.requestCheck': 'Request check',

  'calls.CALL_WAITER': 'Calling the waiter',
  'calls.REQUEST_CHECK': 'Asking for the check',
  'calls.OTHER': 'Table request',
  'calls.ack': 'On my way',
  'calls.resolve': 'Done',
  'calls.acknowledged': 'On the way',

  'transfer.title': 'Move table {table} to…',
  'transfer.none': 'No free tables in your sectors.',

  'merge.title': 'Merge table {table} into…',
  'merge.hint': 'Everything on this table moves to the one you pick.',
  'merge.none': 'No other occupied tables in your sectors.',
};
