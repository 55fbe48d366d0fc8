// A note that speaks of an allergy or intolerance is shown as an alert, not as a plain note: the
// product's allergens are known, but "ALERGIA frutos secos" typed by the waiter is what saves a life.
const ALLERGY_WORDS =
  /alerg|allerg|al[eé]rgic|cel[ií]ac|coeliac|intoler|anafil|anaphyl|sin gluten|gluten[- ]free|sin lactosa|lactose|nut[- ]free|sin frutos/i;

export function isAllergyNote(note: string): boolean {
  return ALLERGY_WORDS.test(note);
}
