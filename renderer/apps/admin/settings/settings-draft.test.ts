import { describe, expect, it } from 'vitest';
import { branchSettingsSchema } from '../../../../protocol/domain-values.js';
import { settingsDraft } from './settings-draft.js';

const saved = branchSettingsSchema.parse({ serviceChargeBp: 1000, serviceChargeMinGuests: 8 });

describe('settings draft', () => {
  it('round-trips the saved settings: nothing to patch', () => {
    for (const lang of ['es', 'en'] as const) {
      const d = settingsDraft.from(saved, lang);
      expect(settingsDraft.check(d)).toEqual({});
      expect(settingsDraft.patch(saved, settingsDraft.parse(d))).toEqual({});
    }
  });

  it('sends only what changed', () => {
    const d = {
      ...settingsDraft.from(saved, 'es'),
      serviceCharge: '12,5',
      serviceMinGuests: '',
      dayStart: 6,
    };
    expect(settingsDraft.patch(saved, settingsDraft.parse(d))).toEqual({
      serviceChargeBp: 1250,
      serviceChargeMinGuests: null,
      businessDayStartsAtHour: 6,
    });
  });

  it('names each field that is wrong, with the hub field it belongs to', () => {
    const d = {
      ...settingsDraft.from(saved, 'es'),
      serviceCharge: '60',
      serviceMinGuests: '0',
      escalation: '5',
      currency: 'eu',
    };
    expect(settingsDraft.check(d)).toEqual({
      serviceChargeBp: 'v.serviceCharge',
      serviceChargeMinGuests: 'v.minGuests',
      serviceCallEscalationSeconds: 'v.escalation',
      currency: 'v.currency',
    });
  });

  it('a patch always passes the hub schema', () => {
    const d = {
      ...settingsDraft.from(saved, 'en'),
      currency: 'USD',
      escalation: '300',
      locale: 'en' as const,
    };
    const merged = { ...saved, ...settingsDraft.patch(saved, settingsDraft.parse(d)) };
    expect(branchSettingsSchema.parse(merged)).toEqual(merged);
  });
});
