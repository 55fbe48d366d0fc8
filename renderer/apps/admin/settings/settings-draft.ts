// The settings form as text fields, and the way back to settings: local checks in the person's words
// (the hub checks again), then a patch with only what changed, so saving one field cannot undo a change
// another admin made to another field meanwhile.
import type { BranchSettings } from '../../../../protocol/domain-values.js';
import { bpToPercentInput, parsePercentBp, parseWholeNumber } from '../validate.js';

export interface SettingsDraft {
  dinerRoundsNeedConfirmation: boolean;
  /** Per cent as typed ("10", "12,5"). */
  serviceCharge: string;
  /** Empty: every table. */
  serviceMinGuests: string;
  escalation: string;
  currency: string;
  locale: 'es' | 'en';
  timeZone: string;
  dayStart: number;
}

/** The hub's bounds (protocol/domain-values.ts): at most 50 % of service charge. */
const MAX_SERVICE_CHARGE_BP = 5000;

function from(s: BranchSettings, lang: 'es' | 'en'): SettingsDraft {
  return {
    dinerRoundsNeedConfirmation: s.dinerRoundsNeedConfirmation,
    serviceCharge: bpToPercentInput(s.serviceChargeBp, lang),
    serviceMinGuests: s.serviceChargeMinGuests === null ? '' : String(s.serviceChargeMinGuests),
    escalation: String(s.serviceCallEscalationSeconds),
    currency: s.currency,
    locale: s.locale,
    timeZone: s.timeZone,
    dayStart: s.businessDayStartsAtHour,
  };
}

/** Field → text key of what is wrong; empty when the draft can be sent. */
function check(d: SettingsDraft): Record<string, string> {
  const e: Record<string, string> = {};
  const bp = parsePercentBp(d.serviceCharge);
  if (bp === null || bp > MAX_SERVICE_CHARGE_BP) e.serviceChargeBp = 'v.serviceCharge';
  if (d.serviceMinGuests.trim() && parseWholeNumber(d.serviceMinGuests, 1, 100) === null)
    e.serviceChargeMinGuests = 'v.minGuests';
  if (parseWholeNumber(d.escalation, 10, 3600) === null) e.serviceCallEscalationSeconds = 'v.escalation';
  if (!/^[A-Z]{3}$/.test(d.currency.trim())) e.currency = 'v.currency';
  return e;
}

/** A checked draft as settings (call `check` first). */
function parse(d: SettingsDraft): BranchSettings {
  return {
    dinerRoundsNeedConfirmation: d.dinerRoundsNeedConfirmation,
    serviceChargeBp: parsePercentBp(d.serviceCharge) ?? 0,
    serviceChargeMinGuests: d.serviceMinGuests.trim() ? Number(d.serviceMinGuests.trim()) : null,
    serviceCallEscalationSeconds: Number(d.escalation.trim()),
    currency: d.currency.trim(),
    locale: d.locale,
    timeZone: d.timeZone,
    businessDayStartsAtHour: d.dayStart,
  };
}

function patch(saved: BranchSettings, next: BranchSettings): Partial<BranchSettings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as Array<keyof BranchSettings>)
    if (next[key] !== saved[key]) out[key] = next[key];
  return out as Partial<BranchSettings>;
}

export const settingsDraft = { from, check, parse, patch };
