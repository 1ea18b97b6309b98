// Synthetic drafts with their annotation files, for the benchmark. Deterministic (seeded), and
// proportional: per 1 MB of draft, 10,000 claims and 1,000 entities with 3 aliases each.

/** A small, fast, seeded PRNG (a 32-bit xorshift-multiply mix); the same seed gives the same corpus. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const WORDS = (
  'the council budget plan harbour bridge ferry minister talks agreement deal ceasefire report vote ' +
  'tax school hospital road project contract election campaign official talks market price rate ' +
  'summit border trade energy water police court ruling inquiry payment loan bank fund region city ' +
  'would could will should might said told added warned agreed denied confirmed expected planned ' +
  'new old major minor early late local national public private final first second third last ' +
  'in on at by for with from about after before over under between during against into through'
).split(' ');
const VERBS = ['said', 'told reporters', 'wrote', 'argued', 'stated', 'added', 'explained'];
const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'vas', 'ro', 'din', 'sel', 'ar', 'bu', 'che', 'no', 'pa', 'tri', 'zo', 'gel', 'han', 'ul', 'fe', 'ios'];
const CLAIM_TYPES = ['paraphrase', 'fact', 'statistic', 'opinion', 'prediction', 'direct-quote', 'allegation'];

export interface CorpusClaim {
  readonly id: string;
  readonly text: string;
  /** Where the claim's words are in the draft (UTF-16 offsets). */
  readonly start: number;
  readonly end: number;
}

export interface Corpus {
  readonly draft: string;
  readonly yaml: string;
  readonly claims: readonly CorpusClaim[];
  readonly entityCount: number;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function uniqueNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    let name = '';
    const syllables = 2 + random.int(3);
    for (let s = 0; s < syllables; s++) name += random.pick(SYLLABLES);
    names.add(capitalise(name));
  }
  return [...names];
}

function phrase(random: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(random.pick(WORDS));
  return out.join(' ');
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * A draft of about `bytes` characters: paragraphs of attributed sentences, each carrying one claim
 * (a clause with a number that keeps it unique), a mention of its source, and filler around it.
 */
export function makeCorpus(bytes: number, seed = 1): Corpus {
  const random = new Random(seed);
  const entityCount = Math.max(4, Math.round(bytes / 1000));
  const claimCount = Math.max(10, Math.round(bytes / 100));
  const firstNames = uniqueNames(random, entityCount);
  const lastNames = uniqueNames(random, entityCount * 2).filter((name) => !firstNames.includes(name)).slice(0, entityCount);
  const entities = firstNames.map((first, i) => ({
    id: `e${i + 1}`,
    name: `${first} ${lastNames[i]}`,
    aliases: [lastNames[i], `${first.charAt(0)}. ${lastNames[i]}`, `Dr ${lastNames[i]}`],
  }));

  const parts: string[] = [];
  let length = 0;
  const claims: CorpusClaim[] = [];
  const push = (text: string): void => {
    parts.push(text);
    length += text.length;
  };
  for (let c = 0; c < claimCount; c++) {
    const entity = entities[c % entities.length];
    const spoken = `${entity.aliases[c % 3]} ${random.pick(VERBS)}`;
    const clause = `the ${random.pick(WORDS)} ${phrase(random, 3)} ${1000 + random.int(900000)} ${phrase(random, 2)}`;
    const quoted = c % 4 === 0;
    const claimText = quoted ? capitalise(clause) : clause;
    const sentence = quoted ? `“${claimText},” ${spoken}.` : `${capitalise(spoken)} ${claimText}.`;
    const start = length + sentence.indexOf(claimText);
    push(sentence);
    claims.push({ id: `c${c + 1}`, text: claimText, start, end: start + claimText.length });
    push(c % 7 === 6 ? '\n\n' : ' ');
    // Filler keeps the draft at the asked-for size: about 100 characters a claim.
    const target = ((c + 1) * bytes) / claimCount;
    while (length < target - 20) push(`${capitalise(phrase(random, 4 + random.int(6)))}. `);
  }
  const draft = parts.join('');

  const yaml: string[] = ['version: 1', 'article: draft.txt', 'entities:'];
  for (const entity of entities) {
    yaml.push(`  ${entity.id}:`, `    name: ${entity.name}`, '    type: person', `    aliases: [${entity.aliases.map(yamlString).join(', ')}]`);
  }
  yaml.push('claims:');
  claims.forEach((claim, c) => {
    const type = CLAIM_TYPES[c % CLAIM_TYPES.length];
    yaml.push(`  - id: ${claim.id}`, `    text: ${yamlString(claim.text)}`, `    type: ${type}`, `    source: e${(c % entities.length) + 1}`);
  });
  return { draft, yaml: yaml.join('\n') + '\n', claims, entityCount: entities.length };
}

/** Cyrillic letters for a to z, one for one. */
const CYRILLIC = 'абцдефгхийклмнопярстувшжыз';

/** The text with each Latin letter swapped for a Cyrillic one, case kept: the same sentences in another script. */
export function inCyrillic(text: string): string {
  return text.replace(/[a-z]/gi, (ch) => {
    const lower = ch.toLowerCase();
    const letter = CYRILLIC[lower.charCodeAt(0) - 0x61];
    return ch === lower ? letter : letter.toUpperCase();
  });
}
