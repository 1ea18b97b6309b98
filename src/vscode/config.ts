// The extension's settings, read into the core's options: built-in defaults, then the project config
// (`.editorial-annotations.yaml`, read by projectConfig.ts), then what the user set explicitly in VS
// Code, which wins locally.
import * as vscode from 'vscode';
import { ALL_FINDING_CODES, type SeverityOverrides } from '../core/codes';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../core/project';
import { applySettingsLayers, type SettingsLayer } from '../core/projectConfig';

export const SECTION = 'editorialAnnotations';

export interface ExtensionSettings {
  readonly project: ProjectSettings;
  /** Milliseconds to wait after the last keystroke before analysing again. */
  readonly analysisDelay: number;
}

/**
 * The settings the analysis reads (readSettings below): changing one re-analyses the open drafts.
 * The tree view's settings (`tree.*`) and highlighting (`decorations.*`) only change how an analysis is
 * shown, and are left out.
 */
export const ANALYSIS_SETTINGS = ['annotationsFolder', 'severity', 'vagueAttributionPhrases', 'loadedAttributionVerbs', 'analysisDelay'] as const;

export function affectsAnalysis(event: vscode.ConfigurationChangeEvent): boolean {
  return ANALYSIS_SETTINGS.some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}

/**
 * Saves a setting the user switched with a command where it takes effect: in the workspace folder or
 * the workspace when a value is set there (it would hide a user setting), or else for the user.
 * `scope` is the resource the setting is read for (the active draft), when it depends on one.
 */
export async function saveSwitchedSetting(key: string, value: unknown, scope?: vscode.Uri): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const written = config.inspect(key);
  const target =
    scope && written?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : written?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** The project config of each workspace folder, by the folder's path. */
let projectLayers: ReadonlyMap<string, SettingsLayer> = new Map();

/** Called by projectConfig.ts when the project configs were (re)read; the caller re-analyses. */
export function setProjectLayers(layers: ReadonlyMap<string, SettingsLayer>): void {
  projectLayers = layers;
}

/** Whether the draft at `scope` is highlighted: read on its own, for each visible editor on each analysis. */
export function decorationsEnabled(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SECTION, scope).get<boolean>('decorations.enabled') ?? true;
}

export function readSettings(scope?: vscode.Uri): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const projectConfig = scope ? projectLayers.get(scope.fsPath) : undefined;
  return {
    project: applySettingsLayers(DEFAULT_PROJECT_SETTINGS, projectConfig, explicitSettings(config)),
    analysisDelay: Math.max(0, config.get<number>('analysisDelay') ?? 300),
  };
}

/**
 * The values set in user, workspace or folder settings, not the defaults: a default must not hide the
 * project config. Severities merge across those levels code by code, as VS Code merges objects.
 */
function explicitSettings(config: vscode.WorkspaceConfiguration): SettingsLayer {
  const levels = <T>(key: string): T[] => {
    const inspected = config.inspect<T>(key);
    return [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].filter((value): value is T => value !== undefined);
  };
  const severity: Record<string, SeverityOverrides[string]> = {};
  for (const configured of levels<Record<string, unknown>>('severity')) {
    for (const code of ALL_FINDING_CODES) {
      const value = configured?.[code];
      if (typeof value === 'string' && SEVERITIES.has(value)) severity[code] = value as SeverityOverrides[string];
    }
  }
  const strings = (key: string): readonly string[] | undefined => {
    const value = levels<unknown>(key).pop();
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
  };
  const folder = levels<unknown>('annotationsFolder').pop();
  return {
    annotationsFolder: typeof folder === 'string' && folder.trim() !== '' ? folder.trim() : undefined,
    severity,
    vagueAttributionPhrases: strings('vagueAttributionPhrases'),
    loadedAttributionVerbs: strings('loadedAttributionVerbs'),
  };
}
