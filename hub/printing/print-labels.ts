// The words printed on tickets and checks, per locale, and the number/date formats the paper uses.
// Allergen names are the ones on EU Regulation 1169/2011's Annex II list in each language.
import type { Allergen, Course } from '../../protocol/domain-values.js';
import type { PrintLocale } from './ticket-view.js';

interface PrintLabels {
  courses: Record<Course, string>;
  allergens: Record<Allergen, string>;
  table: string;
  round: string;
  waiter: string;
  seat: string;
  note: string;
  allergensTitle: string;
  reprint: string;
  void: string;
  preBill: string;
  notAReceipt: string;
  receipt: string;
  guests: string;
  subtotal: string;
  discount: string;
  serviceCharge: string;
  taxName: string;
  taxBase: string;
  taxAmount: string;
  total: string;
  split: string;
  payments: string;
  methods: Record<'CASH' | 'CARD' | 'OTHER', string>;
  tip: string;
  tendered: string;
  change: string;
  approval: string;
  taxIdLabel: string;
}

const LABELS: Record<PrintLocale, PrintLabels> = {
  es: {
    courses: { drink: 'BEBIDAS', starter: 'ENTRANTES', main: 'PRINCIPALES', dessert: 'POSTRES' },
    allergens: {
      gluten: 'GLUTEN',
      crustaceans: 'CRUSTÁCEOS',
      eggs: 'HUEVO',
      fish: 'PESCADO',
      peanuts: 'CACAHUETE/MANÍ',
      soy: 'SOJA',
      milk: 'LECHE',
      tree_nuts: 'FRUTOS DE CÁSCARA',
      celery: 'APIO',
      mustard: 'MOSTAZA',
      sesame: 'SÉSAMO',
      sulphites: 'SULFITOS',
      lupin: 'ALTRAMUCES',
      molluscs: 'MOLUSCOS',
    },
    table: 'MESA',
    round: 'Ronda',
    waiter: 'Camarero',
    seat: 'Asiento',
    note: 'NOTA',
    allergensTitle: 'ALÉRGENOS',
    reprint: 'REIMPRESIÓN',
    void: 'ANULADO',
    preBill: 'PRE-CUENTA',
    notAReceipt: 'NO VÁLIDO COMO FACTURA',
    receipt: 'TICKET',
    guests: 'Comensales',
    subtotal: 'Subtotal',
    discount: 'Descuento',
    serviceCharge: 'Servicio',
    taxName: 'IVA',
    taxBase: 'Base',
    taxAmount: 'Cuota',
    total: 'TOTAL',
    split: 'División',
    payments: 'Pagos',
    methods: { CASH: 'Efectivo', CARD: 'Tarjeta', OTHER: 'Otro' },
    tip: 'Propina',
    tendered: 'Entregado',
    change: 'Cambio',
    approval: 'Autorización',
    taxIdLabel: 'NIF/CUIT',
  },
  en: {
    courses: { drink: 'DRINKS', starter: 'STARTERS', main: 'MAINS', dessert: 'DESSERTS' },
    allergens: {
      gluten: 'GLUTEN',
      crustaceans: 'CRUSTACEANS',
      eggs: 'EGGS',
      fish: 'FISH',
      peanuts: 'PEANUTS',
      soy: 'SOY',
      milk: 'MILK',
      tree_nuts: 'TREE NUTS',
      celery: 'CELERY',
      mustard: 'MUSTARD',
      sesame: 'SESAME',
      sulphites: 'SULPHITES',
      lupin: 'LUPIN',
      molluscs: 'MOLLUSCS',
    },
    table: 'TABLE',
    round: 'Round',
    waiter: 'Waiter',
    seat: 'Seat',
    note: 'NOTE',
    allergensTitle: 'ALLERGENS',
    reprint: 'REPRINT',
    void: 'VOID',
    preBill: 'PRE-BILL',
    notAReceipt: 'NOT A RECEIPT',
    receipt: 'RECEIPT',
    guests: 'Guests',
    subtotal: 'Subtotal',
    discount: 'Discount',
    serviceCharge: 'Service charge',
    taxName: 'VAT',
    taxBase: 'Base',
    taxAmount: 'Tax',
    total: 'TOTAL',
    split: 'Split',
    payments: 'Payments',
    methods: { CASH: 'Cash', CARD: 'Card', OTHER: 'Other' },
    tip: 'Tip',
    tendered: 'Tendered',
    change: 'Change',
    approval: 'Approval',
    taxIdLabel: 'Tax ID',
  },
};

export function printLabels(locale: PrintLocale): PrintLabels {
  return LABELS[locale];
}

// Intl puts no-break spaces inside amounts and times; the code pages print a plain space just as well.
const noBreakSpaces = (s: string): string => s.replace(/[\u00A0\u202F]/g, ' ');

/**
 * Formats an amount in minor units (cents) in the currency's own style for the locale ("12,50 €",
 * "$ 1.234,50"). Sums stay integers elsewhere; the one division happens here, for display only.
 */
export function formatMoney(opts: { cents: number; currency: string; locale: string }): string {
  const format = new Intl.NumberFormat(opts.locale, { style: 'currency', currency: opts.currency });
  // "Cents" are the currency's minor unit: two digits for EUR and ARS, none for JPY or CLP.
  const minorDigits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return noBreakSpaces(format.format(opts.cents / 10 ** minorDigits));
}

/** "21 %", "10,5 %": a tax rate in basis points. */
export function formatRate(opts: { rateBp: number; locale: string }): string {
  return noBreakSpaces(
    new Intl.NumberFormat(opts.locale, { style: 'percent', maximumFractionDigits: 2 }).format(
      opts.rateBp / 10_000,
    ),
  );
}

/** The wall-clock time and day in the branch's time zone, as the kitchen reads it. */
export function formatLocalTime(opts: { iso: string; timeZone: string; locale: string }): {
  time: string;
  date: string;
} {
  const at = new Date(opts.iso);
  const time = new Intl.DateTimeFormat(opts.locale, {
    timeZone: opts.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const date = new Intl.DateTimeFormat(opts.locale, {
    timeZone: opts.timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
  return { time: noBreakSpaces(time), date: noBreakSpaces(date) };
}
