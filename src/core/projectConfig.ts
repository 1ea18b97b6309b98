// The project config: `.editorial-annotations.yaml` (or an `editorialAnnotations` key in package.json),
// found from a folder upwards, so that the newsroom's pipeline and every editor check drafts the same
// way. Parsing, validation and merging only; the file system is reached through a FileHost.
import * as path from 'path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { closestMatches } from './closest';
import { ALL_FINDING_CODES, type SeverityOverrides } from './codes';
import type { FileHost } from './discovery';
import type { Severity } from './model';
import type { ProjectSettings } from './project';
import { LineIndex } from './textIndex';

export const PROJECT_CONFIG_FILES = ['.editorial-annotations.yaml', '.editorial-annotations.yml'] as const;
export const PACKAGE_JSON_KEY = 'editorialAnnotations';

const SEVERITY_VALUES: readonly (Severity | 'off')[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * One layer of settings: the project config, or the values a user set explicitly in the editor.
 * Keys are the editor settings' names without the `editorialAnnotations.` prefix.
 */
export interface SettingsLayer {
  readonly annotationsFolder?: string;
  /** Merged code by code over the layers below. */
  readonly severity?: SeverityOverrides;
  /** Replaces the list below. */
  readonly vagueAttributionPhrases?: readonly string[];
  /** Replaces the list below. */
  readonly loadedAttributionVerbs?: readonly string[];
}

/** The settings a project config may set (also the properties of schemas/project-config.schema.json). */
export const LAYER_KEYS = ['annotationsFolder', 'severity', 'vagueAttributionPhrases', 'loadedAttributionVerbs'] as const;

export interface ProjectConfig extends SettingsLayer {
  /** The file it was read from (a YAML file or a package.json). */
  readonly file: string;
}

export interface ProjectConfigProblem {
  readonly file: string;
  /** 1-based, when the problem has a place in the file. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export type ProjectConfigResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly config: ProjectConfig }
  | { readonly kind: 'invalid'; readonly file: string; readonly problems: readonly ProjectConfigProblem[] };

/** `file:line:col: message`, or `file: message` when there is no place. */
export function formatProblem(problem: ProjectConfigProblem, displayPath = problem.file): string {
  const where = problem.line === undefined ? displayPath : `${displayPath}:${problem.line}:${problem.column ?? 1}`;
  return `${where}: ${problem.message}`;
}

/**
 * Checks a config's plain value. `where` turns a key path into a place in the file, when the format
 * has places (YAML does, JSON.parse does not).
 */
function validateLayer(
  value: unknown,
  file: string,
  where: (keys: readonly (string | number)[]) => { line: number; column: number } | undefined,
  label: (keys: readonly (string | number)[]) => string,
): { layer?: SettingsLayer; problems: ProjectConfigProblem[] } {
  const problems: ProjectConfigProblem[] = [];
  const problem = (keys: readonly (string | number)[], message: string): void => {
    problems.push({ file, ...where(keys), message: `${label(keys)}: ${message}` });
  };
  if (value === null || value === undefined) return { layer: {}, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem([], 'the config must be a mapping of settings (annotationsFolder, severity, vagueAttributionPhrases, loadedAttributionVerbs)');
    return { problems };
  }
  const layer: { -readonly [K in keyof SettingsLayer]: SettingsLayer[K] } = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    switch (key) {
      case 'annotationsFolder':
        if (typeof item !== 'string' || item.trim() === '') problem([key], 'must be the name of a folder, such as annotations');
        else if (path.isAbsolute(item.trim())) problem([key], 'must be relative to the project folder, not an absolute path');
        else layer.annotationsFolder = item.trim();
        break;
      case 'severity': {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          problem([key], 'must be a mapping of finding codes to error, warning, information, hint or off');
          break;
        }
        const severity: Record<string, Severity | 'off'> = {};
        for (const [code, level] of Object.entries(item as Record<string, unknown>)) {
          if (!(ALL_FINDING_CODES as readonly string[]).includes(code)) {
            problem([key, code], `'${code}' is not a finding code${didYouMean(code, ALL_FINDING_CODES)}`);
          } else if (typeof level !== 'string' || !(SEVERITY_VALUES as readonly string[]).includes(level)) {
            const shown = typeof level === 'string' ? `'${level}'` : JSON.stringify(level) ?? String(level);
            const hint = typeof level === 'string' ? didYouMean(level, SEVERITY_VALUES) : '';
            problem([key, code], `${shown} is not a severity: use error, warning, information, hint or off${hint}`);
          } else {
            severity[code] = level as Severity | 'off';
          }
        }
        layer.severity = severity;
        break;
      }
      case 'vagueAttributionPhrases':
      case 'loadedAttributionVerbs': {
        if (!Array.isArray(item)) {
          problem([key], 'must be a list of words or phrases');
          break;
        }
        const bad = item.findIndex((entry) => typeof entry !== 'string' || entry.trim() === '');
        if (bad !== -1) problem([key, bad], `item ${bad + 1} must be a word or phrase`);
        else layer[key] = item.map((entry: string) => entry.trim());
        break;
      }
      default:
        problem([key], `'${key}' is not a setting${didYouMean(key, LAYER_KEYS)}; the settings are ${LAYER_KEYS.join(', ')}`);
    }
  }
  return problems.length > 0 ? { problems } : { layer, problems };
}

function didYouMean(word: string, candidates: Iterable<string>): string {
  const [best] = closestMatches(word, candidates, 1);
  return best === undefined ? '' : ` (did you mean ${best}?)`;
}

/** Parses and validates a `.editorial-annotations.yaml`. */
export function parseProjectConfigYaml(file: string, text: string): ProjectConfigResult {
  const lines = new LineIndex(text);
  const at = (offset: number): { line: number; column: number } => {
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      kind: 'invalid',
      file,
      problems: document.errors.map((error) => ({ file, ...at(error.pos[0]), message: `not valid YAML: ${error.message.split('\n')[0]}` })),
    };
  }
  // A problem is shown at the key it is about (or the list item), the whole file when neither exists.
  const nodeAt = (keys: readonly (string | number)[]): Node | undefined => {
    let node: unknown = document.contents;
    let place = node as Node | undefined;
    for (const key of keys) {
      if (isMap(node)) {
        const pair = node.items.find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === String(key));
        if (!pair) break;
        place = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        place = node as Node;
      } else {
        break;
      }
    }
    return place;
  };
  const where = (keys: readonly (string | number)[]): { line: number; column: number } | undefined => {
    const range = nodeAt(keys)?.range;
    return range ? at(range[0]) : undefined;
  };
  const result = validateLayer(document.toJS(), file, where, yamlLabel);
  return result.layer ? { kind: 'found', config: { file, ...result.layer } } : { kind: 'invalid', file, problems: result.problems };
}

/** Parses and validates the `editorialAnnotations` key of a package.json; 'none' when it has none. */
export function parseProjectConfigPackageJson(file: string, text: string): ProjectConfigResult {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    // Not ours to judge: npm will complain about a broken package.json.
    return { kind: 'none' };
  }
  if (manifest === null || typeof manifest !== 'object' || !(PACKAGE_JSON_KEY in manifest)) return { kind: 'none' };
  const value = (manifest as Record<string, unknown>)[PACKAGE_JSON_KEY];
  const label = (keys: readonly (string | number)[]): string => [PACKAGE_JSON_KEY, ...keys.map(String)].join('.');
  const result = validateLayer(value, file, () => undefined, label);
  return result.layer ? { kind: 'found', config: { file, ...result.layer } } : { kind: 'invalid', file, problems: result.problems };
}

function yamlLabel(keys: readonly (string | number)[]): string {
  if (keys.length === 0) return 'the config';
  return keys.map((key) => (typeof key === 'number' ? `[${key + 1}]` : key)).join('.').replace(/\.\[/g, '[');
}

/**
 * The config that applies to files in `startDir`: the first folder from there upwards that has a
 * `.editorial-annotations.yaml` (or `.yml`), or a package.json with an `editorialAnnotations` key.
 * In one folder the YAML file wins over package.json.
 */
export async function findProjectConfig(host: FileHost, startDir: string): Promise<ProjectConfigResult> {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of PROJECT_CONFIG_FILES) {
      const file = path.join(dir, name);
      if ((await host.stat(file)) !== 'file') continue;
      const text = await host.readText(file);
      if (text !== undefined) return parseProjectConfigYaml(file, text);
    }
    const manifest = path.join(dir, 'package.json');
    if ((await host.stat(manifest)) === 'file') {
      const text = await host.readText(manifest);
      const result = text === undefined ? undefined : parseProjectConfigPackageJson(manifest, text);
      if (result && result.kind !== 'none') return result;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { kind: 'none' };
    dir = parent;
  }
}

/**
 * Settings with layers applied in order, later layers winning: typically the project config, then
 * what the user set explicitly in the editor. Severities merge code by code; lists are replaced.
 */
export function applySettingsLayers(base: ProjectSettings, ...layers: readonly (SettingsLayer | undefined)[]): ProjectSettings {
  let { annotationsFolder } = base;
  let { vaguePhrases, loadedVerbs, severity } = base.options;
  for (const layer of layers) {
    if (!layer) continue;
    annotationsFolder = layer.annotationsFolder ?? annotationsFolder;
    vaguePhrases = layer.vagueAttributionPhrases ?? vaguePhrases;
    loadedVerbs = layer.loadedAttributionVerbs ?? loadedVerbs;
    if (layer.severity) severity = { ...severity, ...layer.severity };
  }
  return { ...base, annotationsFolder, options: { ...base.options, vaguePhrases, loadedVerbs, severity } };
}
