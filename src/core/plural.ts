// A count and what is counted, as the cards, the views and the CLI write it: "1 claim", "3 claims".

/** `count` and `noun`, the noun with an "s" unless there is exactly one (English regular plurals only). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
