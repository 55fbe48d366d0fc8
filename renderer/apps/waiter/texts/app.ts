// Waiter texts of the app frame (Spanish and English): title, top bar, and the command queue's
// messages and the labels of queued commands.
export const appEs = {
  'app.title': 'Camarero',

  'nav.floor': 'Sala',
  'nav.pending': '{n} sin enviar',
  'nav.pendingTitle': 'Cambios guardados en este dispositivo',
  'nav.pendingNone': 'Todo enviado al hub.',

  'cmd.queued': 'Guardado: se enviará cuando vuelva el hub',
  'cmd.refused': 'El hub dijo que no: {reason}',

  'label.open': 'Abrir mesa {table} ({n})',
  'label.round': 'Ronda para mesa {table}: {items}',
  'label.fire': 'Marchar {course}, mesa {table}',
  'label.served': 'Servido, mesa {table}',
  'label.ack': 'Atender llamada, mesa {table}',
  'label.resolve': 'Llamada atendida, mesa {table}',
  'label.split': 'Dividir cuenta, mesa {table}',
  'label.pay': 'Pago de {amount}, mesa {table}',
  'label.close': 'Cerrar mesa {table}',
  'label.transfer': 'Mesa {table} → {to}',
  'label.merge': 'Juntar mesa {table} con {to}',
  'label.requestCheck': 'Pedir cuenta, mesa {table}',
  'label.submitCart': 'Enviar carrito de mesa {table}',
  'label.void': 'Anular {dish}, mesa {table}',
  'label.discount': 'Descuento de {value}, mesa {table}',
  'label.removeDiscount': 'Quitar descuento de {value}, mesa {table}',
  'label.refund': 'Devolución de {amount}, mesa {table}',
};

export const appEn: Record<keyof typeof appEs, string> = {
  'app.title': 'Waiter',

  'nav.floor': 'Floor',
  'nav.pending': '{n} not sent',
  'nav.pendingTitle': 'Changes kept on this device',
  'nav.pendingNone': 'Everything reached the hub.',

  'cmd.queued': 'Saved: it will be sent when the hub is back',
  'cmd.refused': 'The hub said no: {reason}',

  'label.open': 'Open table {table} ({n})',
  'label.round': 'Round for table {table}: {items}',
  'label.fire': 'Fire {course}, table {table}',
  'label.served': 'Served, table {table}',
  'label.ack': 'Answer call, table {table}',
  'label.resolve': 'Call done, table {table}',
  'label.split': 'Split check, table {table}',
  'label.pay': 'Payment of {amount}, table {table}',
  'label.close': 'Close table {table}',
  'label.transfer': 'Table {table} → {to}',
  'label.merge': 'Merge table {table} into {to}',
  'label.requestCheck': 'Request check, table {table}',
  'label.submitCart': 'Send cart of table {table}',
  'label.void': 'Void {dish}, table {table}',
  'label.discount': 'Discount of {value}, table {table}',
  'label.removeDiscount': 'Remove discount of {value}, table {table}',
  'label.refund': 'Refund of {amount}, table {table}',
};
