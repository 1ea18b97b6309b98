// The extension's settings, read into the core's options.
import * as vscode from 'vscode';
import { ALL_FINDING_CODES, type SeverityOverrides } from '../core/codes';
import { DEFAULT_LOADED_VERBS, DEFAULT_VAGUE_PHRASES } from '../core/options';
import type { ProjectSettings } from '../core/project';

export const SECTION = 'editorialAnnotations';

export interface ExtensionSettings {
  readonly project: ProjectSettings;
  readonly decorations: boolean;
  /** Milliseconds to wait after the last keystroke before analysing again. */
  readonly analysisDelay: number;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(scope?: vscode.Uri): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const severity: Record<string, SeverityOverrides[string]> = {};
  const configured = config.get<Record<string, unknown>>('severity') ?? {};
  for (const code of ALL_FINDING_CODES) {
    const value = configured[code];
    if (typeof value === 'string' && SEVERITIES.has(value)) severity[code] = value as SeverityOverrides[string];
  }
  const strings = (key: string, fallback: readonly string[]): readonly string[] => {
    const value = config.get<unknown>(key);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : fallback;
  };
  return {
    project: {
      annotationsFolder: config.get<string>('annotationsFolder')?.trim() || 'annotations',
      options: {
        severity,
        vaguePhrases: strings('vagueAttributionPhrases', DEFAULT_VAGUE_PHRASES),
        loadedVerbs: strings('loadedAttributionVerbs', DEFAULT_LOADED_VERBS),
      },
    },
    decorations: config.get<boolean>('decorations.enabled') ?? true,
    analysisDelay: Math.max(0, config.get<number>('analysisDelay') ?? 300),
  };
}
