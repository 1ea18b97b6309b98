// The libraries we compare with, driven the way their users drive them. Both are ES modules, loaded
// with import() from this CommonJS build.
import type { EditedQuote } from './edits';

interface Range {
  readonly start: number;
  readonly end: number;
}

type TextQuoteMatcher = (selector: { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }) => (
  scope: SingleChunk,
) => AsyncGenerator<{ startIndex: number; endIndex: number }, void, void>;
type ApproxSearch = (text: string, pattern: string, maxErrors: number) => Array<{ start: number; end: number; errors: number }>;

/** The whole draft as the one chunk of an @apache-annotator Chunker. */
class SingleChunk {
  readonly currentChunk: { readonly data: string };

  constructor(text: string) {
    this.currentChunk = { data: text };
  }

  nextChunk(): null {
    return null;
  }

  previousChunk(): null {
    return null;
  }

  precedesCurrentChunk(): boolean {
    return false;
  }
}

export interface Peers {
  /** Every match of each selector (@apache-annotator/selector's textQuoteSelectorMatcher). */
  readonly exactAll: (text: string, selectors: ReadonlyArray<{ text: string; prefix?: string; suffix?: string }>) => Promise<Range[][]>;
  /** Hypothesis's way: exact match, else approx-string-match scored by quote, context and position. */
  readonly fuzzy: (text: string, quote: EditedQuote) => Range | undefined;
}

export async function loadPeers(): Promise<Peers> {
  const selector = (await import('@apache-annotator/selector')) as unknown as { textQuoteSelectorMatcher: TextQuoteMatcher };
  const approx = (await import('approx-string-match')) as unknown as { default: ApproxSearch };
  const search = approx.default;

  const exactAll: Peers['exactAll'] = async (text, selectors) => {
    const results: Range[][] = [];
    for (const { text: exact, prefix, suffix } of selectors) {
      const matches: Range[] = [];
      const matcher = selector.textQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact, prefix, suffix });
      for await (const match of matcher(new SingleChunk(text))) matches.push({ start: match.startIndex, end: match.endIndex });
      results.push(matches);
    }
    return results;
  };

  /** 1 - the fewest errors of `pattern` anywhere in `text`, relative to its length (as Hypothesis scores context). */
  const similarity = (text: string, pattern: string): number => {
    if (pattern.length === 0 || text.length === 0) return 0;
    const matches = search(text, pattern, pattern.length);
    return matches.length === 0 ? 0 : 1 - matches[0].errors / pattern.length;
  };

  const fuzzy: Peers['fuzzy'] = (text, quote) => {
    const exact = text.indexOf(quote.exact);
    if (exact !== -1) return { start: exact, end: exact + quote.exact.length };
    // Hypothesis allows up to half the quote's length in errors, at most 256.
    const maxErrors = Math.min(256, Math.floor(quote.exact.length / 2));
    let best: (Range & { score: number }) | undefined;
    for (const match of search(text, quote.exact, maxErrors)) {
      const quoteScore = 1 - match.errors / quote.exact.length;
      const prefixScore = similarity(text.slice(Math.max(0, match.start - quote.prefix.length), match.start), quote.prefix);
      const suffixScore = similarity(text.slice(match.end, match.end + quote.suffix.length), quote.suffix);
      const positionScore = 1 - Math.abs(match.start - quote.oldStart) / text.length;
      // Weights as in Hypothesis's match-quote: quote 50, prefix 20, suffix 20, position 2.
      const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
      if (!best || score > best.score) best = { start: match.start, end: match.end, score };
    }
    return best;
  };

  return { exactAll, fuzzy };
}
