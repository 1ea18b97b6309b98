// What the hover shows in an annotation file: the entity card of an id (as in the draft), and for a
// span's `text:` where it anchored in the draft (line and sentence, the span in bold) or why it didn't.
import * as path from 'path';
import { parsedFileOf, type Analysis } from './analysis';
import { closestMatches } from './closest';
import { entityCard } from './hover';
import { escapeMarkdown } from './markdown';
import type { Entity, OffsetRange } from './model';
import type { ParsedAnnotationFile } from './parse';
import { LineIndex } from './textIndex';
import { yamlContextAt } from './yamlContext';
import { entityAt, spanAnchors, type SpanAnchor } from './yamlNavigation';

export interface YamlHoverContent {
  /** The id or `text:` value the hover is about. */
  readonly range: OffsetRange;
  /** Markdown, with every YAML and draft text escaped. */
  readonly markdown: string;
}

/** How much of the sentence to show on each side of the span. */
const CONTEXT_CHARS = 160;

export function yamlHoverAt(analysis: Analysis, file: string, offset: number, world: readonly Analysis[] = []): YamlHoverContent | undefined {
  const target = entityAt(analysis, file, offset);
  if (target) {
    if (target.entity) return { range: target.range, markdown: entityCard(analysis, target.entity, articlesUsing(analysis, target.entity, world)) };
    const suggestions = closestMatches(target.id, analysis.entities.keys());
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((id) => `\`${id}\``).join(', ')}?` : '';
    return { range: target.range, markdown: `No entity has the id \`${target.id.replace(/`/g, "'")}\`.${hint}` };
  }
  const parsed = parsedFileOf(analysis, file);
  const context = parsed ? yamlContextAt(parsed.document, offset) : undefined;
  if (!parsed || context?.kind !== 'span-text') return undefined;
  const anchors = spanAnchors(analysis, parsed, context.range.start, world);
  if (anchors.length === 0) return { range: context.range, markdown: whyNoAnchor(analysis, parsed) };
  return { range: context.range, markdown: anchors.map(describeAnchor).join('\n\n---\n\n') };
}

/**
 * The analyses to count an entity's mentions and claims in: undefined for this one, when it has a
 * draft; for a registry entity hovered in entities.yaml, those of every draft that uses it, each once.
 */
function articlesUsing(analysis: Analysis, entity: Entity, world: readonly Analysis[]): readonly Analysis[] | undefined {
  if (analysis.draft) return undefined;
  const byDraft = new Map<string, Analysis>();
  for (const candidate of world) {
    const seen = candidate.entities.get(entity.id);
    if (candidate.draft && seen?.keyLocation.file === entity.keyLocation.file && !byDraft.has(candidate.draft.path)) byDraft.set(candidate.draft.path, candidate);
  }
  return [...byDraft.values()];
}

function whyNoAnchor(analysis: Analysis, parsed: ParsedAnnotationFile): string {
  if (parsed.entities.some((entity) => entity.fromRegistry)) {
    return 'A mention in the shared registry: it is looked for in the draft of each article that uses it. Open one of those drafts to see where it anchors.';
  }
  if (!analysis.draft) return 'Not anchored: no draft was found for this annotation file.';
  return 'Not anchored: the span has no text.';
}

function describeAnchor({ draft, anchor }: SpanAnchor): string {
  const name = escapeMarkdown(path.basename(draft.path));
  if (anchor.kind === 'not-found') return `**Not found** in ${name}: ${escapeMarkdown(anchor.reason)}.`;
  const line = new LineIndex(draft.text).positionAt(anchor.range.start).line + 1;
  const lines = [`**Anchored** in ${name}, line ${line}`];
  const misfit = anchor.contextMisfit;
  if (anchor.drift && misfit && anchor.drift.similarity === 1) {
    lines.push('', `⚠ By its words alone: ${escapeMarkdown(misfit.reason)}.`);
  } else if (anchor.drift) {
    // Rounded down, as the finding's message does: a drifted span never reads "100% alike".
    const similarity = Math.floor(anchor.drift.similarity * 100);
    lines.push('', `⚠ Only approximately (${similarity}% alike): the exact words are no longer in the draft.`);
  }
  if (anchor.candidates > 1) {
    lines.push(
      '',
      misfit
        ? `⚠ By its words alone (${escapeMarkdown(misfit.reason)}): ${anchor.candidates} places are as likely; the first is used.`
        : `⚠ The text matches ${anchor.candidates} places; the first is used. Add a prefix, suffix or occurrence.`,
    );
  }
  lines.push('', `> ${markedSentence(draft, anchor.range)}`);
  return lines.join('\n');
}

/** The sentence (or sentences) the span sits in, on one line, the span in bold. */
function markedSentence(draft: NonNullable<Analysis['draft']>, span: OffsetRange): string {
  const sentence = draft.sentences.window(span, 0);
  const flat = (text: string): string => text.replace(/\s+/g, ' ');
  let before = flat(draft.text.slice(sentence.start, span.start)).trimStart();
  let after = flat(draft.text.slice(span.end, sentence.end)).trimEnd();
  if (before.length > CONTEXT_CHARS) before = `…${before.slice(-CONTEXT_CHARS)}`;
  if (after.length > CONTEXT_CHARS) after = `${after.slice(0, CONTEXT_CHARS)}…`;
  const marked = flat(draft.text.slice(span.start, span.end)).trim();
  return `${escapeMarkdown(before)}**${escapeMarkdown(marked)}**${escapeMarkdown(after)}`;
}
