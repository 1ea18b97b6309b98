// A count and what is counted, as the cards, the views and the CLI write it: "1 claim", "3 claims".

/** `count` and `noun`, the noun with an "s" unless there is exactly one (English regular plurals only). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The same for what an editor reads in a card or a view, where nothing is "no claims", not "0 claims". */
export function howMany(count: number, noun: string): string {
  return count === 0 ? `no ${noun}s` : plural(count, noun);
}
