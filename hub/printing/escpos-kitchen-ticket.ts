// Renders a kitchen ticket to ESC/POS bytes: what a cook at one station reads at a glance from a
// few steps away — station and table large, items by course in tall bold type, allergens on a black
// band, REPRINT / VOID banners that cannot be mistaken for a new order.
import { COURSES, type Allergen, type Course } from '../../protocol/domain-values.js';
import { createPaper, headingText, type EscPosRenderOptions, type Paper } from './escpos-paper.js';
import { formatLocalTime, printLabels } from './print-labels.js';
import type { KitchenTicketItem, KitchenTicketView } from './ticket-view.js';

type Labels = ReturnType<typeof printLabels>;

export function renderKitchenTicket(view: KitchenTicketView, options: EscPosRenderOptions): Uint8Array {
  const paper = createPaper(options);
  const labels = printLabels(view.locale);

  printBanner(paper, view, labels);
  if (view.kind === 'VOID' && view.voidReason) paper.text(view.voidReason, { bold: true, align: 'center' });
  paper.text(headingText(view.stationName, view.locale), { size: 'big', bold: true, align: 'center' });
  paper.text(`${labels.table} ${headingText(view.tableLabel, view.locale)}`, {
    size: 'big',
    bold: true,
    align: 'center',
  });
  paper.text(view.sectorName, { align: 'center' });
  paper.rule('=');
  paper.row({
    left: `${labels.round} ${view.roundNumber}`,
    right: `#${view.dailyNumber}`,
    style: { bold: true, size: 'tall' },
  });
  const { time } = formatLocalTime({ iso: view.createdAt, timeZone: view.timeZone, locale: view.locale });
  paper.row({ left: `${labels.waiter}: ${view.waiterName}`, right: time });
  paper.rule('=');

  for (const { course, items } of coursesInServiceOrder(view.courses)) {
    paper.text(courseHeading(labels.courses[course], paper.columns), { bold: true });
    for (const item of items) printItem(paper, item, labels);
    paper.blank();
  }

  paper.rule('=');
  printBanner(paper, view, labels);
  paper.text(view.ticketId, { align: 'center' });
  return paper.finish();
}

// The kitchen expects drinks, starters, mains, desserts in that order whatever order the view lists them.
function coursesInServiceOrder(courses: KitchenTicketView['courses']): KitchenTicketView['courses'] {
  const rank = (c: Course): number => COURSES.indexOf(c);
  return courses.filter((c) => c.items.length > 0).sort((a, b) => rank(a.course) - rank(b.course));
}

function courseHeading(name: string, columns: number): string {
  const title = ` ${name} `;
  const left = Math.max(2, Math.floor((columns - title.length) / 2));
  return `${'-'.repeat(left)}${title}${'-'.repeat(Math.max(2, columns - left - title.length))}`;
}

function printItem(paper: Paper, item: KitchenTicketItem, labels: Labels): void {
  paper.hanging({ prefix: `${item.qty}x `, text: item.name, style: { bold: true, size: 'tall' } });
  for (const modifier of item.modifiers) paper.hanging({ prefix: '   + ', text: modifier });
  if (item.notes !== null && item.notes.trim() !== '') {
    paper.hanging({ prefix: `   ${labels.note}: `, text: item.notes, style: { bold: true } });
  }
  if (item.seat !== null) paper.hanging({ prefix: `   ${labels.seat} `, text: String(item.seat) });
  if (item.allergens.length > 0) {
    paper.band(`${labels.allergensTitle}: ${allergenList(item.allergens, labels)}`, {
      bold: true,
      align: 'left',
    });
  }
}

function allergenList(allergens: readonly Allergen[], labels: Labels): string {
  return [...new Set(allergens)].map((a) => labels.allergens[a]).join(', ');
}

function printBanner(paper: Paper, view: KitchenTicketView, labels: Labels): void {
  if (view.kind === 'NEW') return;
  const word = view.kind === 'REPRINT' ? labels.reprint : labels.void;
  paper.band(word, { size: 'big', bold: true, align: 'center' });
}
