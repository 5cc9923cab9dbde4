import { z } from 'zod';

/** The council's own word for one of its promises, as its page uses it. */
export const PROMISE_NOUNS = ['pledge', 'promise', 'commitment'] as const;
export const promiseNoun = z.enum(PROMISE_NOUNS);
export type PromiseNoun = z.infer<typeof promiseNoun>;

/** "Pledge 3", "Promise 3" or "Commitment 3": a numbered promise named as its council names it. */
export function promiseLabel(noun: PromiseNoun, number: number): string {
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${number}`;
}

/** The noun in the plural, for headings such as "Our promises". */
export function promiseNounPlural(noun: PromiseNoun): string {
  return `${noun}s`;
}
