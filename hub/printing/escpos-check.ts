// Renders the check to ESC/POS bytes: the waiter's pre-bill (with the split, when there is one) and
// the final receipt with its payments, tips and change. Amounts arrive as integer cents and are
// only turned into text here, in the currency's own format for the branch's locale.
import { createPaper, type EscPosRenderOptions, type Paper } from './escpos-paper.js';
import { formatLocalTime, formatMoney, formatRate, printLabels } from './print-labels.js';
import type { CheckPayment, CheckPrintView } from './ticket-view.js';

type Labels = ReturnType<typeof printLabels>;

export function renderCheck(view: CheckPrintView, options: EscPosRenderOptions): Uint8Array {
  const paper = createPaper(options);
  const labels = printLabels(view.locale);
  const locale = view.formatLocale ?? view.locale;
  const money = (cents: number): string => formatMoney({ cents, currency: view.currency, locale });

  printHeader(paper, view, labels, locale);
  paper.rule();
  for (const line of view.lines) {
    paper.row({ prefix: `${line.qty} `, left: line.name, right: money(line.amountCents) });
    for (const modifier of line.modifiers) paper.hanging({ prefix: '    + ', text: modifier });
  }
  paper.rule();

  paper.row({ left: labels.subtotal, right: money(view.subtotalCents) });
  for (const discount of view.discounts) {
    paper.row({ left: `${labels.discount}: ${discount.reason}`, right: `-${money(discount.amountCents)}` });
  }
  if (view.serviceChargeCents > 0)
    paper.row({ left: labels.serviceCharge, right: money(view.serviceChargeCents) });
  paper.row({ left: labels.total, right: money(view.totalCents), style: { bold: true, size: 'tall' } });

  if (view.taxes.length > 0) {
    paper.rule();
    printTaxTable(paper, view, labels, locale, money);
  }
  if (view.shares.length > 0) {
    paper.rule();
    paper.text(labels.split, { bold: true });
    for (const share of view.shares)
      paper.row({ prefix: '  ', left: share.label, right: money(share.amountCents) });
  }
  if (view.kind === 'RECEIPT' && view.payments.length > 0) {
    paper.rule();
    paper.text(labels.payments, { bold: true });
    for (const payment of view.payments) printPayment(paper, payment, labels, money);
  }

  paper.rule();
  if (view.kind === 'PRE_BILL') paper.text(labels.notAReceipt, { bold: true, align: 'center' });
  if (view.footer) paper.text(view.footer, { align: 'center' });
  return paper.finish();
}

function printHeader(paper: Paper, view: CheckPrintView, labels: Labels, locale: string): void {
  paper.text(view.branchName, { bold: true, size: 'tall', align: 'center' });
  if (view.branchAddress) paper.text(view.branchAddress, { align: 'center' });
  if (view.branchTaxId) paper.text(`${labels.taxIdLabel}: ${view.branchTaxId}`, { align: 'center' });
  paper.blank();
  paper.text(view.kind === 'PRE_BILL' ? labels.preBill : labels.receipt, {
    bold: true,
    size: 'big',
    align: 'center',
  });
  paper.blank();
  const guests = view.guests === null ? '' : `${labels.guests}: ${view.guests}`;
  paper.row({ left: `${labels.table} ${view.tableLabel}`, right: guests, style: { bold: true } });
  paper.text(`${labels.waiter}: ${view.waiterName}`);
  const { date, time } = formatLocalTime({ iso: view.createdAt, timeZone: view.timeZone, locale });
  paper.row({ left: `${date} ${time}`, right: view.reference === null ? '' : `Nº ${view.reference}` });
}

// Rate, base and tax in three columns: the layout Spanish and Argentine receipts use.
function printTaxTable(
  paper: Paper,
  view: CheckPrintView,
  labels: Labels,
  locale: string,
  money: (cents: number) => string,
): void {
  const rateWidth = 8;
  const baseWidth = Math.floor((paper.columns - rateWidth) / 2);
  const taxWidth = paper.columns - rateWidth - baseWidth;
  const row = (rate: string, base: string, tax: string): void =>
    paper.cells([
      { text: rate, width: rateWidth },
      { text: base, width: baseWidth, align: 'right' },
      { text: tax, width: taxWidth, align: 'right' },
    ]);
  row(labels.taxName, labels.taxBase, labels.taxAmount);
  for (const tax of view.taxes)
    row(formatRate({ rateBp: tax.rateBp, locale }), money(tax.baseCents), money(tax.taxCents));
}

function printPayment(
  paper: Paper,
  payment: CheckPayment,
  labels: Labels,
  money: (cents: number) => string,
): void {
  const method = labels.methods[payment.method];
  const card = payment.cardLast4 === null ? '' : ` **** ${payment.cardLast4}`;
  paper.row({ prefix: '  ', left: `${method}${card}`, right: money(payment.amountCents) });
  if (payment.tipCents > 0) paper.row({ prefix: '    ', left: labels.tip, right: money(payment.tipCents) });
  if (payment.tenderedCents !== null) {
    paper.row({ prefix: '    ', left: labels.tendered, right: money(payment.tenderedCents) });
  }
  if (payment.changeCents !== null)
    paper.row({ prefix: '    ', left: labels.change, right: money(payment.changeCents) });
  if (payment.approvalCode !== null) {
    paper.hanging({ prefix: `    ${labels.approval}: `, text: payment.approvalCode });
  }
}
