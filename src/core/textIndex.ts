// Line and sentence positions of a text, for converting offsets and for the attribution window.
import type { OffsetRange } from './model';
import { sentenceStarts } from './sentences';

/** Where the line holding `offset` ends: at its line break, before a CR of a CRLF. */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  const at = end === -1 ? text.length : end;
  return at > 0 && text.charCodeAt(at - 1) === 13 ? at - 1 : at;
}

/** Zero-based line and UTF-16 column, as VS Code counts them. */
export interface LineColumn {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        this.lineStarts.push(i + 1);
      } else if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = upperBound(this.lineStarts, clamped) - 1;
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: LineColumn): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[Math.max(0, position.line)];
    return Math.min(lineStart + position.character, this.text.length);
  }

  lineRange(line: number): OffsetRange {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 0x0a || this.text.charCodeAt(end - 1) === 0x0d)) end--;
    return { start, end };
  }
}

/** Index of the first element greater than `value` in an ascending array. */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sentence boundaries of a draft (Unicode sentence segmentation; a line break always ends a sentence). */
export class Sentences {
  /** Start offset of each sentence, ascending; sentences cover the whole text. */
  readonly starts: number[];

  constructor(readonly text: string, locale = 'en') {
    this.starts = sentenceStarts(text, locale);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Index of the sentence that contains `offset`. */
  indexAt(offset: number): number {
    return Math.max(0, upperBound(this.starts, offset) - 1);
  }

  range(index: number): OffsetRange {
    const start = this.starts[index];
    const end = index + 1 < this.starts.length ? this.starts[index + 1] : this.text.length;
    return { start, end };
  }

  /** The sentences a span touches, widened by `around` sentences on each side. */
  window(span: OffsetRange, around: number): OffsetRange {
    const first = Math.max(0, this.indexAt(span.start) - around);
    const last = Math.min(this.count - 1, this.indexAt(Math.max(span.start, span.end - 1)) + around);
    return { start: this.range(first).start, end: this.range(last).end };
  }
}
