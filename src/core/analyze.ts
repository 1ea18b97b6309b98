// Draft + annotations -> Analysis: anchors, mentions and findings, in one pass over each.
import { DraftText, type AnchorResult } from './anchor';
import type { Analysis, AnchoredClaim, Orphan } from './analysis';
import { mergeClaimTypes, QUOTATION_TYPE } from './claimTypes';
import { makeFinding } from './findingFactory';
import { attributionFindings } from './findings/attribution';
import { loadedVerbFindings } from './findings/loadedVerbs';
import { referenceFindings } from './findings/references';
import { findQuotations, unannotatedQuoteFindings } from './findings/quotes';
import { unusedEntityFindings } from './findings/unusedEntities';
import { vagueAttributionFindings } from './findings/vagueAttribution';
import { findAutomaticMentions, type Mention, type SurfaceForm } from './mentions';
import type { Claim, Entity, Finding, SpanSelector } from './model';
import { claimName, inWords, placeInContext } from './labels';
import { DEFAULT_OPTIONS, type AnalysisOptions } from './options';
import type { ParsedAnnotationFile } from './parse';
import { RangeIndex, Sentences } from './textIndex';
import type { SeverityOverrides } from './codes';

export interface AnalyzeInput {
  /** The draft's path and current text; without it only the YAML-level checks run. */
  readonly draft?: { readonly path: string; readonly text: string };
  readonly annotations: ParsedAnnotationFile;
  readonly registry?: ParsedAnnotationFile;
  /** Findings the caller made while finding the files (conflicting annotation files, missing article). */
  readonly discoveryFindings?: readonly Finding[];
  readonly options?: AnalysisOptions;
}

export function analyze(input: AnalyzeInput): Analysis {
  const options = input.options ?? DEFAULT_OPTIONS;
  const { annotations, registry } = input;
  const entities = new Map<string, Entity>();
  for (const entity of registry?.entities ?? []) entities.set(entity.id, entity);
  for (const entity of annotations.entities) entities.set(entity.id, entity);
  const claimTypes = mergeClaimTypes(annotations.claimTypes);
  const findings: Finding[] = [...annotations.findings, ...(registry?.findings ?? []), ...(input.discoveryFindings ?? [])];

  let claims: AnchoredClaim[] | undefined;
  let mentions: Mention[] = [];
  const orphans: Orphan[] = [];
  let draft: Analysis['draft'];
  if (input.draft) {
    const draftText = input.draft.text;
    const prepared = new DraftText(draftText);
    // A file of binary bytes named like a draft (a NUL is in no copy) has no prose to read: its stray
    // bytes would make quotations out of nothing.
    const quotations = draftText.includes('\u0000') ? [] : findQuotations(draftText);
    draft = { path: input.draft.path, text: draftText, prepared, sentences: new Sentences(draftText), quotations };
    const selectors: SpanSelector[] = [];
    for (const claim of annotations.claims) if (claim.selector) selectors.push(claim.selector);
    // Claims are in file order, which is mostly reading order: a drifted claim is looked for between its neighbours.
    const claimAnchors = prepared.anchorAll(selectors, { ordered: true });
    let next = 0;
    claims = annotations.claims.map((claim) => {
      if (!claim.selector) return { claim };
      const anchor = claimAnchors[next++];
      if (anchor.kind === 'not-found') orphans.push({ selector: claim.selector, claim });
      // Most claims anchor cleanly: their message and data are not made for nothing.
      if (!anchoredCleanly(anchor)) {
        // Shown at the claim's `text:`: "this claim" when the file gives it no id ("c3" is written nowhere).
        const what = claim.hasExplicitId ? claimName(claim, true) : 'This claim';
        findings.push(...spanFindings(claim.selector, anchor, what, draftText, { claimId: claim.id, claimIndex: claim.index }, claim));
      }
      return { claim, anchor, range: anchor.kind === 'found' ? anchor.range : undefined };
    });
    const explicit: Mention[] = [];
    // A registry entity's mentions are shared by every article: absent from this one is normal, and
    // something merely similar in this draft is not one of them (exact matches only, no findings).
    const anchorMentions = (fromRegistry: boolean) => {
      const owners = [...entities.values()]
        .filter((entity) => entity.fromRegistry === fromRegistry)
        .flatMap((entity) => entity.mentions.map((selector) => ({ entity, selector })));
      const anchors = prepared.anchorAll(owners.map((owner) => owner.selector), { fuzzy: !fromRegistry });
      return owners.map((owner, index) => ({ ...owner, anchor: anchors[index] }));
    };
    for (const { entity, selector, anchor } of [...anchorMentions(false), ...anchorMentions(true)]) {
      if (!entity.fromRegistry && anchor.kind === 'not-found') orphans.push({ selector, entityId: entity.id });
      if (!entity.fromRegistry && !anchoredCleanly(anchor)) {
        findings.push(...spanFindings(selector, anchor, `A mention of '${entity.id}'`, draftText, { entityId: entity.id }));
      }
      if (anchor.kind === 'found') explicit.push({ entityId: entity.id, range: anchor.range, explicit: true });
    }
    const forms: SurfaceForm[] = [];
    for (const entity of entities.values()) {
      forms.push({ entityId: entity.id, form: entity.name });
      for (const alias of entity.aliases) forms.push({ entityId: entity.id, form: alias });
    }
    const automatic = findAutomaticMentions(prepared, forms, explicit.map((mention) => mention.range));
    mentions = [...explicit, ...automatic].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  }

  claims ??= annotations.claims.map((claim) => ({ claim }));
  const partial = { draft, annotations, registry, entities, claimTypes, claims, mentions, orphans, findings: [] as Finding[] };
  findings.push(...referenceFindings(partial));
  if (draft) {
    findings.push(...attributionFindings(partial));
    // Not in a binary file (see draft.quotations): its claims are still anchored, or reported not found.
    if (!draft.text.includes('\u0000')) {
      const { quotations } = draft;
      const claimRanges = new RangeIndex(claims.flatMap(({ range }) => (range ? [range] : [])));
      findings.push(
        ...unannotatedQuoteFindings(partial, quotations, claimRanges),
        ...vagueAttributionFindings(draft.prepared, draft.path, options.vaguePhrases),
        ...loadedVerbFindings(partial, options.loadedVerbs, quotations, claimRanges),
      );
    }
    findings.push(...unusedEntityFindings(partial));
  }
  const intact = withoutSyntaxDebris(findings, annotations, entities, registry?.file);
  return { ...partial, findings: applySeverity(intact, options.severity) };
}

/**
 * The findings, less those about a claim or an entity written across a YAML syntax error: what was
 * read of it may be the error's debris (a claim whose `type:` a quotation never closed swallowed),
 * and the syntax error says what is wrong there. The rest of the file is still checked.
 */
function withoutSyntaxDebris(findings: Finding[], annotations: ParsedAnnotationFile, entities: ReadonlyMap<string, Entity>, registryFile: string | undefined): Finding[] {
  const brokenClaims = new Set<number>();
  for (const claim of annotations.claims) if (claim.overlapsSyntaxError) brokenClaims.add(claim.index);
  let anyBrokenEntity = false;
  for (const entity of entities.values()) anyBrokenEntity ||= entity.overlapsSyntaxError;
  if (brokenClaims.size === 0 && !anyBrokenEntity) return findings;
  const brokenEntity = (id: string | undefined): boolean => id !== undefined && entities.get(id)?.overlapsSyntaxError === true;
  return findings.filter(({ data, file }) => {
    if (data?.claimIndex !== undefined && file !== registryFile && brokenClaims.has(data.claimIndex)) return false;
    return !brokenEntity(data?.entityId);
  });
}

/** Found as the selector says, in one place: no span finding (spanFindings() has one for every other anchoring). */
function anchoredCleanly(anchor: AnchorResult): boolean {
  return anchor.kind === 'found' && !anchor.drift && anchor.candidates <= 1;
}

function spanFindings(
  selector: SpanSelector,
  anchor: AnchorResult,
  what: string,
  draftText: string,
  data: Finding['data'],
  claim?: Claim,
): Finding[] {
  const status = claim?.status;
  const file = selector.textLocation.file;
  const range = selector.textLocation.range;
  if (anchor.kind === 'not-found') {
    return [makeFinding('span-not-found', `${what} was not found: ${anchor.reason}`, file, range, { ...data, value: selector.text })];
  }
  const misfit = anchor.contextMisfit;
  // Every place the span could be, when its context picked one of several or none: the fixes weigh
  // them. An edited passage whose context fits better than the places of the words is one of them.
  const taken = misfit && !misfit.places.some((place) => place.start === anchor.range.start) ? [anchor.range] : [];
  const places = misfit && misfit.places.length + taken.length > 1 ? { candidateRanges: [...misfit.places, ...taken] } : {};
  const recheck = status === 'verified' ? ' It was verified: check it again against its evidence before keeping `status: verified`.' : '';
  if (anchor.drift) {
    const currentText = draftText.slice(anchor.range.start, anchor.range.end);
    const found = { ...data, value: selector.text, draftRange: anchor.range, currentText, ...places };
    if (misfit && anchor.drift.similarity === 1) {
      const fields = contextFields(selector);
      return [
        makeFinding(
          'span-drifted',
          `${what} was found by its words alone (${misfit.reason}), at "${shorten(placeInContext(draftText, anchor.range))}". Update the ${fields} to fit the draft.${recheck}`,
          file,
          range,
          found,
        ),
      ];
    }
    const similar = Math.floor(anchor.drift.similarity * 100);
    return [
      makeFinding(
        'span-drifted',
        claim?.type === QUOTATION_TYPE
          ? `${what} was found only approximately (${similar}% alike): the draft now says "${shorten(currentText)}". These are someone's words: check the new wording against what was said, then update \`text\` or restore the quotation in the draft.${recheck}`
          : `${what} was found only approximately (${similar}% alike): the draft now says "${shorten(currentText)}". Update \`text\` to the current wording.${recheck}`,
        file,
        range,
        found,
      ),
    ];
  }
  // Found in more than one place.
  const candidateRanges = anchor.ambiguousRanges ?? [anchor.range];
  const message = misfit
    ? `${what} was found by its words alone (${misfit.reason}), and ${anchor.candidates} of their places are as likely; the first is used. Update the ${contextFields(selector)} to fit the draft`
    : `${what} matches ${anchor.candidates} places in the draft; the first is used. Add a prefix, suffix or occurrence`;
  return [makeFinding('span-ambiguous', message, file, range, { ...data, value: selector.text, draftRange: anchor.range, candidateRanges })];
}

/** The context fields a selector has, for a message: "prefix", "prefix and suffix"... */
function contextFields(selector: SpanSelector): string {
  return inWords((['prefix', 'suffix', 'occurrence'] as const).filter((field) => selector[field] !== undefined));
}

/** A long passage cut for a one-line message (the finding's data keeps it whole). */
function shorten(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

function applySeverity(findings: readonly Finding[], overrides: SeverityOverrides): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.code];
    if (override === 'off') continue;
    result.push(override ? { ...finding, severity: override } : finding);
  }
  return result;
}
