// `editorial-annotations report`: each draft's sourcing summary as Markdown (for a sign-off note or a
// pull request comment) or JSON (for a dashboard).
import * as path from 'path';
import { plural } from '../core/plural';
import type { DraftReport } from '../core/report';

/** A path as a code span (a path never holds a backtick worth keeping). */
function code(file: string): string {
  return `\`${file.replace(/`/g, "'")}\``;
}

/** The report with paths relative to the folder the CLI ran in. */
export function relativeReport(report: DraftReport, cwd: string): DraftReport {
  return { ...report, draft: report.draft === null ? null : path.relative(cwd, report.draft), annotationFile: path.relative(cwd, report.annotationFile) };
}

/** Text from the YAML goes into Markdown: its special characters are shown, not interpreted. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`);
}

function counts(record: Readonly<Record<string, number>>, skipZero: boolean): string {
  const parts = Object.entries(record)
    .filter(([, count]) => !skipZero || count > 0)
    .map(([key, count]) => `${escapeMarkdown(key)} ${count}`);
  return parts.length > 0 ? parts.join(' · ') : 'none';
}

export function reportMarkdown(reports: readonly DraftReport[]): string {
  const sections = reports.map((report) => {
    const lines = [
      report.draft === null ? `## ${code(report.annotationFile)}: no draft` : `## ${code(report.draft)}`,
      '',
      report.draft === null ? 'No draft was found for it: the findings are those of the file alone.' : `Annotations: ${code(report.annotationFile)}`,
      '',
      `- **Claims**: ${report.claims.total}${report.claims.total > 0 ? ` (${counts(report.claims.byType, true)})` : ''}`,
      `- **Status**: ${counts(report.claims.byStatus, true)}`,
      `- **Unattributed**: ${report.unattributed}`,
      `- **Unverified**: ${report.unverified}`,
      `- **Findings**: ${counts(report.findings, false)}`,
      '',
    ];
    if (report.sources.length === 0) {
      lines.push('No claim has a source.');
    } else {
      lines.push('| source | claims |', '|---|---|');
      for (const source of report.sources) {
        lines.push(`| ${escapeMarkdown(source.name)}${source.anonymous ? ' (anonymous)' : ''} | ${source.claims} |`);
      }
    }
    return lines.join('\n');
  });
  const drafts = reports.filter((report) => report.draft !== null).length;
  const draftless = reports.length - drafts;
  const header = `# Sourcing report: ${plural(drafts, 'annotated draft')}${draftless > 0 ? `, ${plural(draftless, 'annotation file')} without a draft` : ''}`;
  return [header, ...sections].join('\n\n') + '\n';
}
