// A state machine as a full table: every (state, transition) cell is filled, null meaning "not allowed".
import { fail, ok, type Result } from '../result.js';

export type TransitionTable<S extends string, T extends string> = Record<S, Record<T, S | null>>;

export function transition<S extends string, T extends string>(
  what: string,
  table: TransitionTable<S, T>,
  from: S,
  via: T,
): Result<S> {
  const to = table[from][via];
  if (to === null) {
    return fail('CONFLICT', `cannot ${via} ${article(what)} ${what} that is ${from}`, {
      what,
      from,
      transition: via,
    });
  }
  return ok(to);
}

export function allows<S extends string, T extends string>(
  table: TransitionTable<S, T>,
  from: S,
  via: T,
): boolean {
  return table[from][via] !== null;
}

/** "an item", "a round": the messages are read by people at a till. */
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
