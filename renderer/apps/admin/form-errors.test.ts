import { describe, expect, it } from 'vitest';
import { errorsFromHub } from './form-errors.js';

const FIELDS = ['name.es', 'name.en', 'priceCents', 'modifierGroups', 'role'];

describe("the hub's refusals beside their fields", () => {
  it('puts each INVALID issue on the field its payload path names', () => {
    const errors = errorsFromHub(
      {
        code: 'INVALID',
        message: 'command is invalid at payload.name.es',
        details: {
          issues: [
            { path: 'payload.name.es', message: 'Too small' },
            { path: 'payload.priceCents', message: 'must not be negative' },
            { path: 'payload.modifierGroups.0.options.1.name.en', message: 'Too small' },
          ],
        },
      },
      { fields: FIELDS },
    );
    expect(errors).toEqual({
      fields: { 'name.es': 'Too small', priceCents: 'must not be negative', modifierGroups: 'Too small' },
    });
  });

  it('keeps issues no field holds as a message for the whole form', () => {
    const errors = errorsFromHub(
      { code: 'INVALID', message: 'x', details: { issues: [{ path: 'payload.station', message: 'bad' }] } },
      { fields: FIELDS },
    );
    expect(errors).toEqual({ fields: {}, general: 'x' });
  });

  it('sends a refusal without a path to the field the form names for its code', () => {
    const forbidden = { code: 'FORBIDDEN', message: 'only an admin may create a ADMIN' };
    expect(errorsFromHub(forbidden, { fields: FIELDS, codeField: { FORBIDDEN: 'role' } })).toEqual({
      fields: { role: 'only an admin may create a ADMIN' },
    });
    expect(errorsFromHub(forbidden, { fields: FIELDS })).toEqual({
      fields: {},
      general: 'only an admin may create a ADMIN',
    });
  });
});
