// Which annotation file belongs to a draft, and which drafts an annotation file annotates (spec:
// "Files and discovery"). The file system is reached through a host, so the editor can answer from
// open buffers and the CLI from disk.
import * as path from 'path';
import { closestMatches } from './closest';
import { readArticlePath } from './parse';

export interface FileHost {
  /** The file's text (an open editor's buffer wins over the disk), or undefined if there is none. */
  readText(file: string): Promise<string | undefined>;
  stat(file: string): Promise<'file' | 'directory' | undefined>;
  /** Files below `dir` (recursively) whose names end in one of `extensions`. */
  listFiles(dir: string, extensions: readonly string[]): Promise<string[]>;
  /** The names of the entries of the folder `dir`, as written on disk; undefined when it can't be listed. */
  entryNames(dir: string): Promise<readonly string[] | undefined>;
}

export interface DiscoverySettings {
  /** The annotations folder, relative to the workspace root. */
  readonly annotationsFolder: string;
}

export const DRAFT_EXTENSIONS = ['.txt', '.md'] as const;
export const YAML_EXTENSIONS = ['.yaml', '.yml'] as const;
export const REGISTRY_STEM = 'entities';
const SIDECAR_SUFFIX = '.annotations';

/** Folders no listing of drafts or annotation files looks into: tools' and builds' folders, hidden ones. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** Whether a listing of files (FileHost.listFiles) goes into a folder of this name. */
export function isListedFolder(name: string): boolean {
  return !SKIPPED_FOLDERS.has(name) && !name.startsWith('.');
}

/** Whether `file` is below `dir` by folders a listing of `dir` goes into (a backup in `annotations/.old/` is not). */
export function isListedIn(dir: string, file: string): boolean {
  return isInside(dir, file) && path.relative(dir, path.resolve(file)).split(path.sep).slice(0, -1).every(isListedFolder);
}

/** Where an annotations folder's shared entity registry is, if it has one: the first of these that exists. */
export function registryPaths(annotationsDir: string): string[] {
  return YAML_EXTENSIONS.map((ext) => path.join(annotationsDir, REGISTRY_STEM + ext));
}

export function isDraftPath(file: string): boolean {
  return (DRAFT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

export function isYamlPath(file: string): boolean {
  return (YAML_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function stemOf(file: string): string {
  return path.basename(file, path.extname(file));
}

/**
 * Where a new annotation file for `draft` goes in `annotationsDir`: `<name>.yaml`, or `<name>-2.yaml`,
 * `<name>-3.yaml`… when a file of that name (with either YAML extension) is there already, and never
 * the registry's name. A draft without an annotation file can still share its name with another
 * draft's file (`2024/budget.txt` and `2025/budget.txt`, the first annotated with `article:`), or be
 * called `entities`: the file taken is someone's work. The new file names its draft in `article:`.
 */
export async function newAnnotationFilePath(host: Pick<FileHost, 'stat'>, annotationsDir: string, draft: string): Promise<string> {
  const stem = stemOf(draft);
  for (let suffix = 1; ; suffix++) {
    const name = suffix === 1 ? stem : `${stem}-${suffix}`;
    if (name === REGISTRY_STEM) continue;
    const taken = await Promise.all(YAML_EXTENSIONS.map((ext) => host.stat(path.join(annotationsDir, name + ext))));
    if (taken.every((kind) => kind === undefined)) return path.join(annotationsDir, `${name}.yaml`);
  }
}

/**
 * The top-level `article:` value, as the parser reads it (readArticlePath: the last one written, of
 * whatever form). Discovery reads it in every annotation file of a folder, where a full read costs
 * more than reading the files from disk (0.35 ms a 16 KB file, 700 ms for a folder of 2,000): the
 * form nearly every file has, one `article: <path>` at the margin of a plain block mapping, is read
 * off its line (10 µs), and every other form (a quoted key, a block scalar, a key written twice, a
 * value YAML reads as no text) in full.
 */
export function readArticleField(yamlText: string): string | undefined {
  const onItsLine = articleOnItsLine(yamlText);
  return onItsLine === NEEDS_FULL_READ ? readArticlePath(yamlText) : onItsLine;
}

/** What articleOnItsLine says of a file the line can't settle. */
export const NEEDS_FULL_READ = Symbol('needs a full read');

const FIRST_CONTENT_LINE = /^(?:[ \t]*(?:#.*)?\r?\n)*(.*)/;
/** A plain key at the margin: the key, then its value on the line without the spaces around it. */
const MARGIN_KEY_LINE = /^([^\s#'"?&!{}[\]*|>%@`,:-][^:\r\n]*?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
/** The first `article:` key at the margin, with its value on the line. */
const ARTICLE_LINE = /^article[ \t]*:(?=[ \t]|\r?$)(.*?)\r?$/m;
/**
 * Another key YAML may read as `article`: written plainly, quoted, tagged or indented (`article:`),
 * explicitly (`? article`), or with escapes (a backslash).
 */
const ANOTHER_ARTICLE_KEY = /article["']?[ \t]*(?:[:#\r\n]|$)/g;
const BACKSLASH = /\\/g;
/** A value on the key's line after which indented lines are the value's own: nothing, a comment, a block scalar's header. */
const NESTED_VALUE_FOLLOWS = /^(?:#.*|[|>][-+0-9]*(?:[ \t]+#.*)?)?$/;
/** The line break before a line at the margin (or a blank one). */
const NEXT_MARGIN_LINE = /\n(?![ \t])/g;
const CONTENT = /[^ \t\r\n]/g;
/** From the end of a line: blank lines and comments at the margin, then an indented line. */
const INDENTED_NEXT_LINE = /(?:\n(?:[ \t]*|#.*)\r?(?=\n|$))*\n[ \t]+(?:[^ \t\r\n]|\r(?!\n))/y;
/** Line breaks regular expressions and YAML count differently (a lone CR, LS, PS), and a BOM. */
const ODD_CHARACTERS = /\r(?!\n)|[\u2028\u2029\ufeff]/;
/** An indented key `article` (a file indented wrongly can still have it at the top level). */
const INDENTED_ARTICLE_KEY = /^[ \t]+["']?article["']?[ \t]*:/m;
/** A quoted scalar or flow collection that doesn't close on its line, or a lone quote or bracket: it may run on over a later line. */
const LEFT_OPEN = /(?:^|[ \t[{,])(?:"(?:[^"\\\r\n]|\\.)*|'(?:[^'\r\n]|'')*|[[{][^\]}\r\n]*)\r?$/m;
const QUOTED_VALUE = /^(?:"([^"\\]*)"|'((?:[^']|'')*)')(?:[ \t]+#.*)?$/;
/** Plain values YAML's core schema reads as null, a boolean or a number (some only begin like one). */
const NOT_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$|^[-+.]?[0-9]|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)/;
/** A plain value starting with an indicator (or one only sometimes allowed), holding a `: ` or a tab. */
const NOT_SIMPLE_PLAIN = /^[-?:,[\]{}#&*!|>'"%@`]|:(?:[ \t]|$)|\t/;

/**
 * The `article:` value when the file has it in the plain form, or NEEDS_FULL_READ. The plain form: the
 * file is a block mapping at the margin, and up to `article:` each line at the margin is blank, a
 * comment, a plain key, or an item of a list written at the margin under a key with no value; indented
 * lines go under a key with no value (or a block scalar's header) or in a list item. `article:` is then
 * one of its top-level keys, and the line gives its value unless the value goes on below, or another
 * key YAML may read as `article` follows. What follows it otherwise can only break the file's top level
 * (a syntax error, and no `article:` for the parser), which leaves the file its draft while it is mended.
 */
export function articleOnItsLine(text: string): string | undefined | typeof NEEDS_FULL_READ {
  const firstContent = FIRST_CONTENT_LINE.exec(text)![1];
  if (firstContent !== '' && !MARGIN_KEY_LINE.test(firstContent)) return NEEDS_FULL_READ;
  const line = ARTICLE_LINE.exec(text);
  const lineEnd = line ? line.index + line[0].length : 0;
  ANOTHER_ARTICLE_KEY.lastIndex = lineEnd;
  BACKSLASH.lastIndex = lineEnd;
  if (ANOTHER_ARTICLE_KEY.test(text) || BACKSLASH.test(text)) return NEEDS_FULL_READ;
  if (!line) return undefined;
  // The line ends where YAML ends it too (a lone CR or an LS ends it for regular expressions only).
  if (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10) return NEEDS_FULL_READ;
  if (ODD_CHARACTERS.test(text.slice(0, lineEnd + 1)) || !plainHead(text.slice(0, line.index))) return NEEDS_FULL_READ;
  INDENTED_NEXT_LINE.lastIndex = lineEnd;
  if (INDENTED_NEXT_LINE.test(text)) return NEEDS_FULL_READ;
  const written = line[1].replace(/^[ \t]+|[ \t]+$/g, '');
  const quoted = QUOTED_VALUE.exec(written);
  if (quoted) {
    const inQuotes = quoted[1] ?? quoted[2].replace(/''/g, "'");
    return inQuotes === '' ? undefined : inQuotes;
  }
  // Nothing (a nested value, a block scalar or null), or a value the line can't settle.
  const plain = written.replace(/[ \t]+#.*$/, '');
  if (plain === '' || NOT_SIMPLE_PLAIN.test(plain) || NOT_TEXT.test(plain)) return NEEDS_FULL_READ;
  return plain;
}

/** Whether the lines before `article:` are in the plain form (see articleOnItsLine). */
function plainHead(head: string): boolean {
  /** The last line at the margin that was a key or an item, and whether indented lines came after it. */
  let previous: 'none' | 'key, nested value' | 'key with value' | 'item' = 'none';
  let indentedSince = false;
  for (let start = 0; start < head.length; ) {
    const first = head.charCodeAt(start);
    if (first === 32 || first === 9) {
      // Indented lines, up to the next line at the margin (the regular expressions' native scan finds it).
      NEXT_MARGIN_LINE.lastIndex = start;
      const next = NEXT_MARGIN_LINE.exec(head)?.index ?? head.length;
      CONTENT.lastIndex = start;
      const content = CONTENT.exec(head);
      if (content && content.index < next) {
        const lines = head.slice(start, next);
        if (previous === 'none' || previous === 'key with value' || INDENTED_ARTICLE_KEY.test(lines) || LEFT_OPEN.test(lines)) return false;
        indentedSince = true;
      }
      start = next + 1;
      continue;
    }
    const newline = head.indexOf('\n', start);
    const end = newline === -1 ? head.length : newline;
    const lineStart = start;
    start = end + 1;
    if (first === 35 /* # */) continue;
    const line = head.slice(lineStart, head.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line === '') continue;
    if (first === 45 /* - */ && (line.length === 1 || line[1] === ' ' || line[1] === '\t')) {
      if (!(previous === 'item' || (previous === 'key, nested value' && !indentedSince)) || LEFT_OPEN.test(line)) return false;
      previous = 'item';
      indentedSince = false;
      continue;
    }
    const key = MARGIN_KEY_LINE.exec(line);
    // `a #b: c` is `a` and a comment.
    if (!key || /[ \t]#/.test(key[1]) || LEFT_OPEN.test(key[2] ?? '')) return false;
    previous = NESTED_VALUE_FOLLOWS.test(key[2] ?? '') ? 'key, nested value' : 'key with value';
    indentedSince = false;
  }
  return true;
}

/** What lookUpArticle finds of an `article:` path. */
export interface ArticleLookup {
  /** A draft is there under exactly the name written. */
  readonly found: boolean;
  /** When it is not: the path, written as it was, that names a draft there. */
  readonly meant?: string;
  /** `meant` differs from the path written in letter case alone. */
  readonly caseOnly?: boolean;
}

/** What separates the steps of a path: `/`, and on Windows `\\` too. */
const SEPARATORS = path.sep === '\\' ? /([\\/]+)/ : /(\/+)/;

export function resolveArticlePath(annotationFile: string, article: string): string {
  return path.resolve(path.dirname(annotationFile), article);
}

/** The folder whose annotations folder (`folder`, relative) is `dir`, if `dir` is one. */
function holderOf(dir: string, folder: string): string | undefined {
  if (path.isAbsolute(folder)) return undefined;
  let holder = dir;
  for (const part of path.normalize(folder).split(path.sep)) if (part !== '' && part !== '.') holder = path.dirname(holder);
  return holder !== dir && samePath(path.join(holder, folder), dir) ? holder : undefined;
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/** Whether `file` is below the folder `dir` (not `dir` itself). */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, path.resolve(file));
  return relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

/** The `article:` of an annotation file's text, resolved; undefined where it has none. */
function articleIn(file: string, text: string | undefined): string | undefined {
  const article = text === undefined ? undefined : readArticleField(text);
  return article === undefined ? undefined : resolveArticlePath(file, article);
}

/**
 * Whether an annotation file with this `article:` claims a draft: its `article:` names the draft, or
 * it has the draft's name (in the annotations folder, not the registry's, or as the sidecar) and
 * names no other draft. `forDraft` looks for the files this can be true of; `articleChanged` asks it
 * of the file that changed.
 */
function claims(file: string, article: string | undefined, draft: string, annotationsDir: string): boolean {
  if (!isDraftPath(draft)) return false;
  if (article !== undefined) return samePath(article, draft);
  const stem = stemOf(draft);
  const inFolder = samePath(path.dirname(file), annotationsDir) && stemOf(file) === stem && stem !== REGISTRY_STEM;
  return inFolder || (samePath(path.dirname(file), path.dirname(draft)) && stemOf(file) === stem + SIDECAR_SUFFIX);
}

export interface DraftAnnotations {
  readonly root: string;
  readonly annotationsDir: string;
  /** Every annotation file that claims the draft, the one used first. Empty: the draft is not annotated. */
  readonly claimants: readonly string[];
  /** The shared entity registry, when it exists. */
  readonly registry?: string;
}

/** What discovery knows of an annotations folder: read once, then kept current by `articleChanged`. */
interface FolderIndex {
  /** The `article:` of each annotation file in the folder (resolved; undefined where it has none). */
  readonly articles: Map<string, string | undefined>;
  /** The shared entity registry, when it exists. */
  registry: string | undefined;
}

/** The drafts of a root, listed once for the annotation files that name none (see draftsFor). */
interface DraftListing {
  readonly byStem: Promise<Map<string, string[]>>;
  /** Every draft listed, resolved, once the listing is read. */
  drafts?: readonly string[];
}

/** Which drafts a change concerns. */
export type DraftFilter = (draft: string) => boolean;

/**
 * Finds annotation files on disk. Keeps an index of each annotations folder (its files' `article:`
 * fields, its registry), read once and told of each change by `articleChanged`.
 */
export class AnnotationDiscovery {
  private readonly folderIndexes = new Map<string, Promise<FolderIndex>>();
  /**
   * Each root's drafts by stem: what an annotation file that names no draft is matched against. Read
   * once (a walk of the whole workspace, which every edit of such a file made before), then forgotten
   * when drafts are created or deleted (`draftsChanged`). Kept only for the roots `rootFor` gives (the
   * editor's workspace folders, which it watches); a root found by walking up is listed at each call.
   */
  private readonly draftListings = new Map<string, DraftListing>();
  /** Folders' entry names read by lookUpArticle, when files stay put. */
  private readonly entryNamesRead = new Map<string, Promise<readonly string[] | undefined>>();
  /** The updates `articleChanged` makes, one after the other: a later text never loses to an earlier one. */
  private updates: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: FileHost,
    private readonly settings: DiscoverySettings,
    /** The workspace folder a file belongs to; by default the nearest folder above it that has an annotations folder. */
    private readonly rootFor?: (file: string) => string | undefined,
    /** No file changes while this discovery is used (a one-shot check): every root's listing is kept. */
    private readonly filesStayPut = false,
  ) {}

  async root(file: string): Promise<string> {
    const given = this.rootFor?.(file);
    if (given) return given;
    let dir = path.dirname(path.resolve(file));
    for (;;) {
      if ((await this.host.stat(path.join(dir, this.settings.annotationsFolder))) === 'directory') return dir;
      // A file inside the annotations folder itself belongs to the folder that holds it, as many
      // levels up as the setting has (`meta/notes`: two).
      const holder = holderOf(dir, this.settings.annotationsFolder);
      if (holder !== undefined) return holder;
      const parent = path.dirname(dir);
      if (parent === dir) return path.dirname(path.resolve(file));
      dir = parent;
    }
  }

  /**
   * A folder was created, deleted or renamed, which VS Code reports for the folder alone, not for the
   * files in it: forgets what it read of the annotations folders that are, hold or are held by it, to
   * read them again when next asked. Whether it had read any.
   */
  forgetFolder(folder: string): boolean {
    let forgotten = false;
    for (const annotationsDir of [...this.folderIndexes.keys()]) {
      if (samePath(annotationsDir, folder) || isInside(folder, annotationsDir) || isInside(annotationsDir, folder)) {
        this.folderIndexes.delete(annotationsDir);
        forgotten = true;
      }
    }
    return forgotten;
  }

  /**
   * Something was created or deleted at `changed`: a draft, a folder, or a path the editor can't tell
   * (a deleted path can't be asked what it was). The listings of drafts that may differ since are read
   * again when next asked: those of the roots that hold `changed`, but for a deletion where they listed
   * no draft at or below it (a deleted image or temporary file leaves them as they are).
   */
  draftsChanged(changed: string, kind: 'created' | 'deleted'): void {
    const at = path.resolve(changed);
    for (const [root, listing] of this.draftListings) {
      if (!(samePath(root, at) || isInside(root, at) || isInside(at, root))) continue;
      // Created where listings don't go (node_modules, a dot folder): nothing listed changes.
      if (kind === 'created' && isInside(root, at) && !isListedIn(root, at)) continue;
      if (kind === 'deleted' && listing.drafts && !listing.drafts.some((draft) => draft === at || draft.startsWith(at + path.sep))) continue;
      this.draftListings.delete(root);
    }
  }

  /** The drafts of the root whose stem is `stem`, in path order; from the listing kept, when `keep`. */
  private async draftsNamed(root: string, stem: string, keep: boolean): Promise<string[]> {
    if (!keep) return (await this.host.listFiles(root, DRAFT_EXTENSIONS)).filter((draft) => stemOf(draft) === stem);
    let listing = this.draftListings.get(root);
    if (!listing) {
      const made: DraftListing = {
        byStem: this.host.listFiles(root, DRAFT_EXTENSIONS).then((drafts) => {
          made.drafts = drafts.map((draft) => path.resolve(draft));
          const byStem = new Map<string, string[]>();
          for (const draft of drafts) {
            const named = byStem.get(stemOf(draft));
            if (named) named.push(draft);
            else byStem.set(stemOf(draft), [draft]);
          }
          return byStem;
        }),
      };
      listing = made;
      this.draftListings.set(root, made);
      // A listing that failed is not kept: the next call tries again.
      made.byStem.catch(() => {
        if (this.draftListings.get(root) === made) this.draftListings.delete(root);
      });
    }
    return (await listing.byStem).get(stem) ?? [];
  }

  private folderIndex(annotationsDir: string): Promise<FolderIndex> {
    let index = this.folderIndexes.get(annotationsDir);
    if (!index) {
      index = this.buildFolderIndex(annotationsDir);
      this.folderIndexes.set(annotationsDir, index);
    }
    return index;
  }

  private async buildFolderIndex(annotationsDir: string): Promise<FolderIndex> {
    const articles = new Map<string, string | undefined>();
    if ((await this.host.stat(annotationsDir)) !== 'directory') return { articles, registry: undefined };
    const files = await this.host.listFiles(annotationsDir, YAML_EXTENSIONS);
    for (const file of files.sort()) {
      if (this.isRegistry(file, annotationsDir)) continue;
      articles.set(file, articleIn(file, await this.host.readText(file)));
    }
    return { articles, registry: await this.findRegistry(annotationsDir) };
  }

  /**
   * An annotation file was edited, created, deleted or changed on disk: what discovery knows of it
   * (its `article:`, or whether the registry exists) follows the text the host gives now. Resolves
   * with the drafts whose annotation files may differ since: those the file claims now and those it
   * claimed before, as far as discovery had read it; undefined when it concerns none (nothing changed,
   * or the registry, which names no draft). Any YAML file may be given; those that are no annotation
   * file concern no draft.
   */
  articleChanged(file: string): Promise<DraftFilter | undefined> {
    const update = this.updates.then(() => this.updateIndex(file));
    this.updates = update.catch(() => undefined);
    return update;
  }

  private async updateIndex(file: string): Promise<DraftFilter | undefined> {
    if (!isYamlPath(file)) return undefined;
    const root = await this.root(file);
    const annotationsDir = path.resolve(root, this.settings.annotationsFolder);
    // An index being built may have read the old text or the new one: read the file once it is done.
    const index = await this.folderIndexes.get(annotationsDir);
    if (this.isRegistry(file, annotationsDir)) {
      // Created or deleted, it names no draft: what reads it, or would once it exists, says so in its
      // files read (every analysis records both of the registry's names, found or not).
      if (index) index.registry = await this.findRegistry(annotationsDir);
      return undefined;
    }
    const byName: DraftFilter = (draft) => claims(file, undefined, draft, annotationsDir);
    if (!isInside(annotationsDir, file)) {
      // A sidecar is read afresh by each draft of its name, the only drafts it can claim.
      return stemOf(file).endsWith(SIDECAR_SUFFIX) ? byName : undefined;
    }
    // A file the folder's listing skips (in `.backup/`, say) claims no draft, as when the index was built.
    if (!isListedIn(annotationsDir, file)) return undefined;
    const text = await this.host.readText(file);
    const exists = text !== undefined;
    const article = articleIn(file, text);
    const claimsNow: DraftFilter = (draft) => exists && claims(file, article, draft, annotationsDir);
    // Not read yet: what it claimed before is unknown, but for the drafts of its name.
    if (!index) return (draft) => claimsNow(draft) || byName(draft);
    const existed = index.articles.has(file);
    const before = index.articles.get(file);
    if (existed === exists && before === article) return undefined;
    if (exists) index.articles.set(file, article);
    else index.articles.delete(file);
    return (draft) => claimsNow(draft) || (existed && claims(file, before, draft, annotationsDir));
  }

  /** Whether a YAML file is an annotation file: inside the annotations folder, or a sidecar. */
  async isAnnotationFile(file: string): Promise<boolean> {
    if (!isYamlPath(file)) return false;
    if (stemOf(file).endsWith(SIDECAR_SUFFIX)) return true;
    return isInside(path.resolve(await this.root(file), this.settings.annotationsFolder), file);
  }

  isRegistry(file: string, annotationsDir: string): boolean {
    return samePath(path.dirname(file), annotationsDir) && stemOf(file) === REGISTRY_STEM;
  }

  async forDraft(draft: string): Promise<DraftAnnotations> {
    const root = await this.root(draft);
    const annotationsDir = path.resolve(root, this.settings.annotationsFolder);
    const claimants: string[] = [];
    const index = await this.folderIndex(annotationsDir);
    // 1. a file in the annotations folder whose `article:` points at the draft. The index holds the
    // paths resolved: compared as they are, not resolved again for each file (a check of 2,000 drafts
    // resolved 4 million paths, half of its time).
    const target = path.resolve(draft);
    if (isDraftPath(target)) for (const [file, article] of index.articles) if (article === target) claimants.push(file);
    // In path order: the first is the one used, whatever order the index learnt of the files in.
    claimants.sort();
    // 2. the annotations folder's file of the same stem, and 3. the sidecar, unless they name another draft
    const byName = [
      ...YAML_EXTENSIONS.map((ext) => path.join(annotationsDir, stemOf(draft) + ext)),
      ...YAML_EXTENSIONS.map((ext) => path.join(path.dirname(draft), stemOf(draft) + SIDECAR_SUFFIX + ext)),
    ];
    for (const file of byName) {
      if (claimants.some((claimant) => samePath(claimant, file))) continue;
      if ((await this.host.stat(file)) !== 'file') continue;
      const article = index.articles.has(file) ? index.articles.get(file) : articleIn(file, await this.host.readText(file));
      if (claims(file, article, draft, annotationsDir)) claimants.push(file);
    }
    return { root, annotationsDir, claimants, registry: index.registry };
  }

  /** The shared entity registry of an annotations folder, when it exists. */
  async registryIn(annotationsDir: string): Promise<string | undefined> {
    return (await this.folderIndex(annotationsDir)).registry;
  }

  private async findRegistry(annotationsDir: string): Promise<string | undefined> {
    for (const candidate of registryPaths(annotationsDir)) {
      if ((await this.host.stat(candidate)) === 'file') return candidate;
    }
    return undefined;
  }

  /**
   * Whether the draft `article:` names is there under exactly the name written, letter case counted,
   * and if not, what was likely meant. A case-insensitive file system (macOS, Windows) opens
   * `Ferry.txt` for `ferry.txt` and a case-sensitive one (Linux, where CI checks usually run) does
   * not: taken as found on a Mac, the draft would be annotated there and the same file fail the check
   * in CI. So every step of the path is looked up in its folder as written. A step not there is
   * matched to the one entry with the same letters in another case, and the draft's own name, when
   * nothing has its letters, to the closest draft name in its folder (a typo).
   */
  async lookUpArticle(annotationFile: string, article: string): Promise<ArticleLookup> {
    const absolute = path.isAbsolute(article);
    const resolved = resolveArticlePath(annotationFile, article);
    const start = absolute ? path.parse(resolved).root : path.dirname(annotationFile);
    // The steps as written, with the separators between them: a suggestion keeps the writer's style.
    const pieces = (absolute ? resolved.slice(start.length) : article).split(SEPARATORS);
    let dir = start;
    let changed = false;
    let caseOnly = true;
    for (let index = 0; index < pieces.length; index += 2) {
      const name = pieces[index];
      if (name === '' || name === '.' || name === '..') {
        if (name === '..') dir = path.dirname(dir);
        continue;
      }
      const names = await this.entryNames(dir);
      let onDisk: string | undefined = names === undefined || names.includes(name) ? name : undefined;
      if (onDisk === undefined && names !== undefined) {
        const sameLetters = names.filter((other) => other.toLowerCase() === name.toLowerCase());
        if (sameLetters.length === 1) onDisk = sameLetters[0];
        else if (index === pieces.length - 1 && isDraftPath(name)) {
          onDisk = closestMatches(name, names.filter(isDraftPath), 1)[0];
          caseOnly = false;
        }
        if (onDisk === undefined) return { found: false };
        pieces[index] = onDisk;
        changed = true;
      }
      dir = path.join(dir, onDisk!);
    }
    const isFile = isDraftPath(dir) && (await this.host.stat(dir)) === 'file';
    if (!changed) return { found: isFile };
    return isFile ? { found: false, meant: (absolute ? start : '') + pieces.join(''), caseOnly } : { found: false };
  }

  /** A folder's entry names; kept for the whole check when files stay put (the CLI reads each folder once). */
  private entryNames(dir: string): Promise<readonly string[] | undefined> {
    if (!this.filesStayPut) return this.host.entryNames(dir);
    let names = this.entryNamesRead.get(dir);
    if (!names) this.entryNamesRead.set(dir, (names = this.host.entryNames(dir)));
    return names;
  }

  /** The drafts an annotation file annotates: its `article:`, or the drafts of the same stem. */
  async draftsFor(annotationFile: string, text?: string): Promise<string[]> {
    const source = text ?? (await this.host.readText(annotationFile));
    const article = source === undefined ? undefined : readArticleField(source);
    if (article !== undefined) {
      // A file that is no draft (`a.json`, `a.pdf`) is not analysed as one: the schema check says why.
      const target = resolveArticlePath(annotationFile, article);
      return isDraftPath(target) && (await this.lookUpArticle(annotationFile, article)).found ? [target] : [];
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
    // Only drafts that really resolve to this file (another may claim them by `article:`).
    const drafts: string[] = [];
    for (const candidate of await this.draftsNamed(root, name, this.filesStayPut || this.rootFor?.(annotationFile) === root)) {
      const found = await this.forDraft(candidate);
      if (found.claimants.some((claimant) => samePath(claimant, annotationFile))) drafts.push(candidate);
    }
    return drafts;
  }
}
