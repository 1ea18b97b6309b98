// Draft and annotation files on a file system -> analyses. The editor and the CLI both go through
// here, so they find the same files and report the same findings.
import * as path from 'path';
import type { Analysis } from './analysis';
import { analyze } from './analyze';
import { AnnotationDiscovery, isDraftPath, registryPaths, resolveArticlePath, type DiscoverySettings, type DraftAnnotations, type FileHost } from './discovery';
import { makeFinding } from './findingFactory';
import { inWords } from './labels';
import type { Finding } from './model';
import { DEFAULT_OPTIONS, type AnalysisOptions } from './options';
import { firstContentLine, parseAnnotationFile, type ParsedAnnotationFile } from './parse';

export interface ProjectSettings extends DiscoverySettings {
  readonly options: AnalysisOptions;
}

/** An analysis of files on a file system, with the files it read. */
export interface ProjectAnalysis extends Analysis {
  /**
   * The files whose text went into the analysis: its draft (also when missing), its annotation file,
   * the registry, and the other annotation files that claim the same draft. An edit of any other file
   * leaves it as it is, unless that edit changes which files these are (discovery's answer: an
   * `article:`, a file created or deleted).
   */
  readonly filesRead: ReadonlySet<string>;
}

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = { annotationsFolder: 'annotations', options: DEFAULT_OPTIONS };

export class AnnotationProject {
  readonly discovery: AnnotationDiscovery;
  /** Parsed annotation files, reused while their text is unchanged. */
  private readonly parsed = new Map<string, ParsedAnnotationFile>();

  constructor(
    private readonly host: FileHost,
    readonly settings: ProjectSettings = DEFAULT_PROJECT_SETTINGS,
    rootFor?: (file: string) => string | undefined,
    /** No file changes while the project is used (the CLI's one check): what discovery lists is kept. */
    filesStayPut = false,
  ) {
    this.discovery = new AnnotationDiscovery(host, settings, rootFor, filesStayPut);
  }

  async parse(file: string, fromRegistry = false): Promise<ParsedAnnotationFile | undefined> {
    const text = await this.host.readText(file);
    if (text === undefined) {
      this.parsed.delete(file);
      return undefined;
    }
    const cached = this.parsed.get(file);
    if (cached && cached.text === text) return cached;
    const parsed = parseAnnotationFile(file, text, fromRegistry);
    this.parsed.set(file, parsed);
    return parsed;
  }

  /** The analysis of a draft with its annotation file, or undefined when the draft has none. */
  async analyzeDraft(draft: string): Promise<ProjectAnalysis | undefined> {
    const found = await this.discovery.forDraft(draft);
    if (found.claimants.length === 0) return undefined;
    return this.analyzePair(draft, found.claimants[0], found);
  }

  /** One analysis per draft the file annotates, or one without a draft when it annotates none. */
  async analyzeAnnotationFile(file: string): Promise<ProjectAnalysis[]> {
    if (!(await this.discovery.isAnnotationFile(file))) return [];
    const root = await this.discovery.root(file);
    const annotationsDir = path.resolve(root, this.settings.annotationsFolder);
    if (this.discovery.isRegistry(file, annotationsDir)) {
      const registry = await this.parse(file, true);
      return registry ? [{ ...analyze({ annotations: registry, options: this.settings.options }), filesRead: new Set([file]) }] : [];
    }
    const drafts = await this.discovery.draftsFor(file, await this.host.readText(file));
    if (drafts.length > 0) {
      const analyses: ProjectAnalysis[] = [];
      for (const draft of drafts) {
        const analysis = await this.analyzePair(draft, file, await this.discovery.forDraft(draft));
        if (analysis) analyses.push(analysis);
      }
      return analyses;
    }
    const annotations = await this.parse(file);
    if (!annotations) return [];
    const registryFile = await this.discovery.registryIn(annotationsDir);
    const registry = registryFile ? await this.parse(registryFile, true) : undefined;
    const filesRead = new Set([file, ...registryPaths(annotationsDir)]);
    const discoveryFindings = await this.missingArticle(annotations);
    return [{ ...analyze({ annotations, registry, discoveryFindings, options: this.settings.options }), filesRead }];
  }

  private async analyzePair(draft: string, file: string, found: DraftAnnotations): Promise<ProjectAnalysis | undefined> {
    const [draftText, annotations] = await Promise.all([this.host.readText(draft), this.parse(file)]);
    if (!annotations) return undefined;
    const filesRead = new Set([file, ...registryPaths(found.annotationsDir)]);
    const registry = found.registry ? await this.parse(found.registry, true) : undefined;
    const discoveryFindings: Finding[] = [];
    if (found.claimants.length > 1) {
      const count = found.claimants.length;
      const usedFile = found.claimants[0];
      for (const claimant of found.claimants) {
        filesRead.add(claimant);
        const others = found.claimants.filter((other) => other !== claimant).map((other) => path.relative(found.root, other));
        const parsed = claimant === file ? annotations : await this.parse(claimant);
        const where = parsed?.article?.location.range ?? firstContentLine(parsed?.text ?? '');
        const which = claimant === usedFile ? 'This one is used.' : count === 2 ? 'The other one is used.' : `${path.relative(found.root, usedFile)} is used.`;
        discoveryFindings.push(
          makeFinding(
            'invalid-annotation',
            `${COUNT_WORDS[count] ?? count} annotation files claim ${path.relative(found.root, draft)}: ${inWords(['this one', ...others])}. ${which}`,
            claimant,
            where,
          ),
        );
      }
    }
    // A file that lost a conflict is not the draft's annotations: only its own YAML is checked.
    const used = found.claimants.length === 0 || found.claimants[0] === file;
    // The draft's text counts where it is used, also when the draft is missing: it would count once it exists.
    if (used) filesRead.add(draft);
    const analysis = analyze({
      draft: draftText === undefined || !used ? undefined : { path: draft, text: draftText },
      annotations,
      registry,
      discoveryFindings,
      options: this.settings.options,
    });
    return { ...analysis, filesRead };
  }

  /**
   * The finding for an annotation file whose draft can't be found: none when its `article:` names a
   * file that is no draft (`a.json`), or is written but is no path (`article: ""`): the schema check
   * reports those on the file as it is, and "add `article:`" would be wrong. A path that names a
   * draft in another letter case, or with a typo in the draft's name, says which draft is there.
   */
  private async missingArticle(annotations: ParsedAnnotationFile): Promise<Finding[]> {
    if (!annotations.article && annotations.articleWritten) return [];
    if (annotations.article) {
      const written = annotations.article.path;
      const target = resolveArticlePath(annotations.file, written);
      if (!isDraftPath(target)) return [];
      const { meant, caseOnly } = await this.discovery.lookUpArticle(annotations.file, written);
      // Where the path leads, from the project's folder: the path is relative to the YAML file, which
      // is the usual mistake, and an absolute path is noise in a CI log. Outside the project, absolute.
      const fromRoot = path.relative(await this.discovery.root(annotations.file), target);
      const where = fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? target : fromRoot;
      const message =
        meant === undefined
          ? `No draft at ${written} (looked for ${where})`
          : caseOnly
            ? `No draft at ${written}: the draft there is ${meant}. Letter case counts: Linux, where CI checks usually run, finds no file by another case`
            : `No draft at ${written} (looked for ${where}). Did you mean ${meant}?`;
      return [makeFinding('article-not-found', message, annotations.file, annotations.article.location.range, { value: written, suggestedPath: meant })];
    }
    return [
      makeFinding(
        'article-not-found',
        'No draft found for this annotation file: add `article:` with the path of the draft, or give the file the draft\'s name',
        annotations.file,
        firstContentLine(annotations.text),
      ),
    ];
  }
}

/** How many files claim one draft, in words: two or three, seldom more. */
const COUNT_WORDS: Readonly<Record<number, string>> = { 2: 'Two', 3: 'Three', 4: 'Four', 5: 'Five' };

