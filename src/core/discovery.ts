// Which annotation file belongs to a draft, and which drafts an annotation file annotates (spec:
// "Files and discovery"). The file system is reached through a host, so the editor can answer from
// open buffers and the CLI from disk.
import * as path from 'path';

export interface FileHost {
  /** The file's text (an open editor's buffer wins over the disk), or undefined if there is none. */
  readText(file: string): Promise<string | undefined>;
  stat(file: string): Promise<'file' | 'directory' | undefined>;
  /** Files below `dir` (recursively) whose names end in one of `extensions`. */
  listFiles(dir: string, extensions: readonly string[]): Promise<string[]>;
}

export interface DiscoverySettings {
  /** The annotations folder, relative to the workspace root. */
  readonly annotationsFolder: string;
}

export const DRAFT_EXTENSIONS = ['.txt', '.md'] as const;
export const YAML_EXTENSIONS = ['.yaml', '.yml'] as const;
export const REGISTRY_STEM = 'entities';
const SIDECAR_SUFFIX = '.annotations';

export function isDraftPath(file: string): boolean {
  return (DRAFT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

export function isYamlPath(file: string): boolean {
  return (YAML_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function stemOf(file: string): string {
  return path.basename(file, path.extname(file));
}

/** The top-level `article:` value, read without parsing the whole file (block style, as the format is written). */
export function readArticleField(yamlText: string): string | undefined {
  const match = /^article[ \t]*:[ \t]*(.*?)[ \t]*$/m.exec(yamlText);
  if (!match) return undefined;
  let value = match[1].replace(/[ \t]+#.*$/, '');
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) value = value.slice(1, -1);
  return value === '' ? undefined : value;
}

export function resolveArticlePath(annotationFile: string, article: string): string {
  return path.resolve(path.dirname(annotationFile), article);
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export interface DraftAnnotations {
  readonly root: string;
  readonly annotationsDir: string;
  /** Every annotation file that claims the draft, the one used first. Empty: the draft is not annotated. */
  readonly claimants: readonly string[];
  /** The shared entity registry, when it exists. */
  readonly registry?: string;
}

/**
 * Finds annotation files on disk. Keeps an index of each annotations folder's `article:` fields,
 * dropped by `invalidate` when a YAML file changes.
 */
export class AnnotationDiscovery {
  private readonly articleIndexes = new Map<string, Promise<Map<string, string | undefined>>>();

  constructor(
    private readonly host: FileHost,
    private readonly settings: DiscoverySettings,
    /** The workspace folder a file belongs to; by default the nearest folder above it that has an annotations folder. */
    private readonly rootFor?: (file: string) => string | undefined,
  ) {}

  invalidate(): void {
    this.articleIndexes.clear();
  }

  async root(file: string): Promise<string> {
    const given = this.rootFor?.(file);
    if (given) return given;
    let dir = path.dirname(path.resolve(file));
    for (;;) {
      if ((await this.host.stat(path.join(dir, this.settings.annotationsFolder))) === 'directory') return dir;
      // A file inside the annotations folder itself belongs to the folder above it.
      if (path.basename(dir) === path.basename(this.settings.annotationsFolder)) return path.dirname(dir);
      const parent = path.dirname(dir);
      if (parent === dir) return path.dirname(path.resolve(file));
      dir = parent;
    }
  }

  private articleIndex(annotationsDir: string): Promise<Map<string, string | undefined>> {
    let index = this.articleIndexes.get(annotationsDir);
    if (!index) {
      index = this.buildArticleIndex(annotationsDir);
      this.articleIndexes.set(annotationsDir, index);
    }
    return index;
  }

  private async buildArticleIndex(annotationsDir: string): Promise<Map<string, string | undefined>> {
    const index = new Map<string, string | undefined>();
    if ((await this.host.stat(annotationsDir)) !== 'directory') return index;
    const files = await this.host.listFiles(annotationsDir, YAML_EXTENSIONS);
    for (const file of files.sort()) {
      if (this.isRegistry(file, annotationsDir)) continue;
      const text = await this.host.readText(file);
      const article = text === undefined ? undefined : readArticleField(text);
      index.set(file, article === undefined ? undefined : resolveArticlePath(file, article));
    }
    return index;
  }

  /** Whether a YAML file is an annotation file: inside the annotations folder, or a sidecar. */
  async isAnnotationFile(file: string): Promise<boolean> {
    if (!isYamlPath(file)) return false;
    if (stemOf(file).endsWith(SIDECAR_SUFFIX)) return true;
    const annotationsDir = path.resolve(await this.root(file), this.settings.annotationsFolder);
    const relative = path.relative(annotationsDir, path.resolve(file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  isRegistry(file: string, annotationsDir: string): boolean {
    return samePath(path.dirname(file), annotationsDir) && stemOf(file) === REGISTRY_STEM;
  }

  async forDraft(draft: string): Promise<DraftAnnotations> {
    const root = await this.root(draft);
    const annotationsDir = path.resolve(root, this.settings.annotationsFolder);
    const claimants: string[] = [];
    const index = await this.articleIndex(annotationsDir);
    // 1. a file in the annotations folder whose `article:` points at the draft
    for (const [file, article] of index) if (article !== undefined && samePath(article, draft)) claimants.push(file);
    // 2. the annotations folder's file of the same stem, and 3. the sidecar, unless they name another draft
    const byName = [
      ...YAML_EXTENSIONS.map((ext) => path.join(annotationsDir, stemOf(draft) + ext)),
      ...YAML_EXTENSIONS.map((ext) => path.join(path.dirname(draft), stemOf(draft) + SIDECAR_SUFFIX + ext)),
    ];
    for (const file of byName) {
      if (claimants.some((claimant) => samePath(claimant, file))) continue;
      if (stemOf(draft) === REGISTRY_STEM && samePath(path.dirname(file), annotationsDir)) continue;
      if ((await this.host.stat(file)) !== 'file') continue;
      const article = index.has(file) ? index.get(file) : await this.articleOf(file);
      if (article === undefined || samePath(article, draft)) claimants.push(file);
    }
    const registry = await this.registryIn(annotationsDir);
    return { root, annotationsDir, claimants, registry };
  }

  /** The shared entity registry of an annotations folder, when it exists. */
  async registryIn(annotationsDir: string): Promise<string | undefined> {
    for (const ext of YAML_EXTENSIONS) {
      const candidate = path.join(annotationsDir, REGISTRY_STEM + ext);
      if ((await this.host.stat(candidate)) === 'file') return candidate;
    }
    return undefined;
  }

  private async articleOf(file: string): Promise<string | undefined> {
    const text = await this.host.readText(file);
    const article = text === undefined ? undefined : readArticleField(text);
    return article === undefined ? undefined : resolveArticlePath(file, article);
  }

  /** The drafts an annotation file annotates: its `article:`, or the drafts of the same stem. */
  async draftsFor(annotationFile: string, text?: string): Promise<string[]> {
    const source = text ?? (await this.host.readText(annotationFile));
    const article = source === undefined ? undefined : readArticleField(source);
    if (article !== undefined) {
      const target = resolveArticlePath(annotationFile, article);
      return (await this.host.stat(target)) === 'file' ? [target] : [];
    }
    const name = path.basename(annotationFile, path.extname(annotationFile));
    if (name.endsWith(SIDECAR_SUFFIX)) {
      const stem = name.slice(0, -SIDECAR_SUFFIX.length);
      const drafts: string[] = [];
      for (const ext of DRAFT_EXTENSIONS) {
        const candidate = path.join(path.dirname(annotationFile), stem + ext);
        if ((await this.host.stat(candidate)) === 'file') drafts.push(candidate);
      }
      return drafts;
    }
    const root = await this.root(annotationFile);
    const annotationsDir = path.resolve(root, this.settings.annotationsFolder);
    if (this.isRegistry(annotationFile, annotationsDir)) return [];
    const candidates = (await this.host.listFiles(root, DRAFT_EXTENSIONS)).filter((file) => stemOf(file) === name);
    // Only drafts that really resolve to this file (another may claim them by `article:`).
    const drafts: string[] = [];
    for (const candidate of candidates) {
      const found = await this.forDraft(candidate);
      if (found.claimants.some((claimant) => samePath(claimant, annotationFile))) drafts.push(candidate);
    }
    return drafts;
  }
}
