// Waiter texts of the manager actions (Spanish and English): voids, discounts and refunds.
export const managerEs = {
  'manage.reason': 'Motivo',
  'manage.reasonHint': 'Obligatorio: queda en el registro con tu nombre.',

  'void.action': 'Anular',
  'void.title': 'Anular {dish}',
  'void.hint': 'El plato sale de la cuenta y, si aún no está hecho, de la cocina.',
  'void.submit': 'Anular plato',
  'void.done': 'Plato anulado',

  'discount.action': 'Descuento',
  'discount.title': 'Descuento, mesa {table}',
  'discount.kind': 'Tipo de descuento',
  'discount.PERCENT': 'Porcentaje',
  'discount.AMOUNT': 'Importe',
  'discount.percentValue': 'Porcentaje (%)',
  'discount.amountValue': 'Importe',
  'discount.badPercent': 'Un porcentaje entre 0,01 y 100.',
  'discount.submit': 'Aplicar descuento',
  'discount.done': 'Descuento aplicado',
  'discount.list': 'Descuentos',
  'discount.remove': 'Quitar',

  'refund.action': 'Devolver',
  'refund.title': 'Devolver pago de {amount}',
  'refund.amount': 'Importe a devolver',
  'refund.tooMuch': 'No puede superar lo que queda por devolver ({amount}).',
  'refund.submit': 'Devolver {amount}',
  'refund.done': 'Devolución registrada',
  'refund.refunded': 'devuelto {amount}',
};

export const managerEn: Record<keyof typeof managerEs, string> = {
  'manage.reason': 'Reason',
  'manage.reasonHint': 'Required: it goes into the log with your name.',

  'void.action': 'Void',
  'void.title': 'Void {dish}',
  'void.hint': 'The dish leaves the check and, if not made yet, the kitchen.',
  'void.submit': 'Void dish',
  'void.done': 'Dish voided',

  'discount.action': 'Discount',
  'discount.title': 'Discount, table {table}',
  'discount.kind': 'Kind of discount',
  'discount.PERCENT': 'Percent',
  'discount.AMOUNT': 'Amount',
  'discount.percentValue': 'Percent (%)',
  'discount.amountValue': 'Amount',
  'discount.badPercent': 'A percentage between 0.01 and 100.',
  'discount.submit': 'Apply discount',
  'discount.done': 'Discount applied',
  'discount.list': 'Discounts',
  'discount.remove': 'Remove',

  'refund.action': 'Refund',
  'refund.title': 'Refund payment of {amount}',
  'refund.amount': 'Amount to refund',
  'refund.tooMuch': 'Cannot exceed what is left to refund ({amount}).',
  'refund.submit': 'Refund {amount}',
  'refund.done': 'Refund recorded',
  'refund.refunded': 'refunded {amount}',
};
