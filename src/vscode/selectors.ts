import type * as vscode from 'vscode';

/** Drafts: plain text and Markdown files on disk. */
export const DRAFT_SELECTOR: vscode.DocumentSelector = [
  { language: 'plaintext', scheme: 'file' },
  { language: 'markdown', scheme: 'file' },
];
