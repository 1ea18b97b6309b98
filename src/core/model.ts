// The plain data the engine works on. No vscode here: offsets are UTF-16 code units into a file's text.

/** A half-open range [start, end) of UTF-16 offsets into one file's text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'work', 'group', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const BASES = ['common-knowledge', 'observed', 'public-record', 'document'] as const;
export type Basis = (typeof BASES)[number];

export const STATUSES = ['unverified', 'verified', 'disputed', 'false', 'misleading'] as const;
export type ClaimStatus = (typeof STATUSES)[number];

/** Where a YAML value was written, so that findings and edits can point at it. */
export interface YamlLocation {
  /** Path of the annotation file (or registry) the value came from. */
  readonly file: string;
  readonly range: OffsetRange;
}

/** A W3C-style text quote selector as written in the YAML. */
export interface SpanSelector {
  readonly text: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly occurrence?: number;
  /** The selector's mapping in the YAML (the claim item, or the mention item). */
  readonly location: YamlLocation;
  /** The `text:` value in the YAML. */
  readonly textLocation: YamlLocation;
}

export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly description?: string;
  readonly wikidata?: string;
  readonly url?: string;
  readonly aliases: readonly string[];
  readonly mentions: readonly SpanSelector[];
  readonly anonymous: boolean;
  readonly anonymity?: string;
  /** Who an anonymous source really is. Kept only so the engine knows it exists: never displayed. */
  readonly hasIdentity: boolean;
  readonly notes?: string;
  /** The entity's key in its YAML file. */
  readonly keyLocation: YamlLocation;
  /** `anonymous: true` in the YAML, when written. */
  readonly anonymousLocation?: YamlLocation;
  /** True when defined in the shared registry (annotations/entities.yaml) rather than the article's file. */
  readonly fromRegistry: boolean;
  /** Written across a YAML syntax error: what was read of it may be the error's debris, so nothing is reported about it. */
  readonly overlapsSyntaxError: boolean;
}

export interface SourceRef {
  readonly id: string;
  readonly location: YamlLocation;
}

export interface Claim {
  /** Explicit id, or c1, c2, ... by position in the file. */
  readonly id: string;
  readonly hasExplicitId: boolean;
  /** 0-based position in the `claims` list. */
  readonly index: number;
  readonly selector?: SpanSelector;
  readonly type: string;
  readonly typeLocation?: YamlLocation;
  readonly sources: readonly SourceRef[];
  readonly basis?: Basis;
  readonly basisLocation?: YamlLocation;
  readonly status: ClaimStatus;
  readonly evidence: readonly string[];
  readonly checkedBy?: string;
  readonly note?: string;
  readonly location: YamlLocation;
  /** Written across a YAML syntax error: what was read of it may be the error's debris, so nothing is reported about it. */
  readonly overlapsSyntaxError: boolean;
}

export interface ClaimType {
  readonly id: string;
  readonly label: string;
  readonly requiresSource: boolean;
  /** Bases this type accepts instead of a source; empty when it accepts none. */
  readonly acceptedBases: readonly Basis[];
  readonly builtIn: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path of the file the finding is shown in: the draft, the annotation file or the registry. */
  readonly file: string;
  readonly range: OffsetRange;
  /** What a quick fix needs (ids, suggested entities, the text the finding was computed on). */
  readonly data?: FindingData;
}

/** The form of an entity's or a claim type's id, as the schema's `id` pattern has it. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export interface FindingData {
  readonly claimId?: string;
  readonly claimIndex?: number;
  readonly entityId?: string;
  /** Entities named near the claim, nearest first: candidates to attribute it to. */
  readonly candidateEntityIds?: readonly string[];
  /** The text of the draft under the finding's range when it was computed. */
  readonly text?: string;
  /** The unknown id, the loaded verb, the vague phrase... */
  readonly value?: string;
  /** For findings in the YAML about a span: where it anchored in the draft, if anywhere. */
  readonly draftRange?: OffsetRange;
  /**
   * For span-ambiguous, and span-drifted when the context picked one of several places of the words:
   * every place the span could be (draft offsets).
   */
  readonly candidateRanges?: readonly OffsetRange[];
  /** For span-drifted: the draft's current wording at `draftRange`, which the YAML's `text` no longer matches. */
  readonly currentText?: string;
  /** For article-not-found: the path, written as the user wrote it, of the draft likely meant. */
  readonly suggestedPath?: string;
}
