// A note that speaks of an allergy or intolerance is shown as an alert, not as a plain note: the
// product's allergens are known, but "ALERGIA frutos secos" typed by the waiter is what saves a life.
// The waiter's dish dialog has an explicit "Allergy" switch that leads the note with the word, so a note
// whose wording these words miss ("no cacahuete") still reaches the kitchen, screen and paper, as one.
const ALLERGY_WORDS =
  /alerg|allerg|al[eé]rgic|cel[ií]ac|coeliac|intoler|anafil|anaphyl|sin gluten|gluten[- ]free|sin lactosa|lactose|nut[- ]free|sin frutos/i;

export function isAllergyNote(note: string): boolean {
  return ALLERGY_WORDS.test(note);
}

/** The note as sent when the waiter flags it as an allergy: led by the word unless it already says so. */
export function flaggedAllergyNote(note: string, word: string): string {
  const text = note.trim();
  if (isAllergyNote(text)) return text;
  return text ? `${word}: ${text}` : word;
}
