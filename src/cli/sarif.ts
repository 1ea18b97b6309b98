// Findings as a SARIF 2.1.0 log, the format code-scanning services (GitHub's among them) read.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import { ALL_FINDING_CODES, docsPath, FINDING_CODES } from '../core/codes';
import type { Severity } from '../core/model';
import type { LocatedFinding } from './run';

/** The base the results' relative paths are resolved against: the folder the CLI ran in. */
export const SARIF_BASE_ID = '%SRCROOT%';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  // SARIF has no level below note; a hint is still something to look at, not a pass.
  hint: 'note',
};

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  /** The project's home page, when package.json names a repository. */
  readonly repositoryUrl?: string;
}

/**
 * A code's documentation page. `helpUri` must be an absolute URI, so it is set only when package.json
 * names the repository; the page's path in the repository is always in the help text.
 */
function helpOf(code: string, summary: string, repositoryUrl: string | undefined): Pick<Sarif.ReportingDescriptor, 'help' | 'helpUri'> {
  const page = docsPath(code);
  const url = repositoryUrl ? `${repositoryUrl.replace(/\/+$/, '')}/blob/HEAD/${page}` : undefined;
  return {
    ...(url ? { helpUri: url } : {}),
    help: { text: `${summary} See ${page}.`, markdown: `${summary} See [${page}](${url ?? page}).` },
  };
}

/** A path relative to the base as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function toSarif(findings: readonly LocatedFinding[], cwd: string, tool: SarifTool): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = ALL_FINDING_CODES.map((code) => {
    const info = FINDING_CODES.get(code)!;
    return {
      id: code,
      shortDescription: { text: info.summary },
      ...helpOf(code, info.summary, tool.repositoryUrl),
      defaultConfiguration: { level: LEVELS[info.defaultSeverity] },
      properties: { shownIn: info.shownIn },
    };
  });
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Sarif.Result[] = findings.map((finding) => ({
    ruleId: finding.code,
    ...(ruleIndex.has(finding.code) ? { ruleIndex: ruleIndex.get(finding.code) } : {}),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: SARIF_BASE_ID },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.repositoryUrl ? { informationUri: tool.repositoryUrl } : {}),
            rules,
          },
        },
        // The CLI counts columns as VS Code does; SARIF's default is the same, said here explicitly.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SARIF_BASE_ID]: { uri: pathToFileURL(cwd + path.sep).href } },
        results,
      },
    ],
  };
}
