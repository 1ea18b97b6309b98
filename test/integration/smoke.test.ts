// The extension loads in a real VS Code, and package.json's command contributions agree with the
// handlers the extension registers: a command in the palette without a handler fails only when
// someone clicks it, so this catches it first. Likewise a setting the analysis doesn't re-read on change.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ANALYSIS_SETTINGS, SECTION } from '../../src/vscode/config';
import { EXTENSION_ID } from './util';


interface CommandContribution {
  command: string;
  title?: string;
}

interface Manifest {
  contributes?: {
    configuration?: { properties?: Record<string, unknown> };
    commands?: CommandContribution[];
    menus?: Record<string, { command?: string; submenu?: string }[]>;
    keybindings?: { command: string }[];
  };
}

describe('extension', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: Manifest;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed in the test instance`);
    extension = found;
    // The manifest on disk, not the host's copy, so the test checks what ships.
    manifest = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8')) as Manifest;
    await extension.activate();
  });

  it('activates, and reports what activating cost', () => {
    assert.equal(extension.isActive, true);
    const { activation } = extension.exports as { activation: { loading: number; activating: number } };
    // `npm run bench` prints these; they must be measured, not left at zero.
    assert.ok(Number.isFinite(activation.loading) && activation.loading > 0, `loading: ${activation.loading}`);
    assert.ok(Number.isFinite(activation.activating) && activation.activating > 0, `activating: ${activation.activating}`);
  });

  it('registers a handler for every command in package.json', async () => {
    const declared = (manifest.contributes?.commands ?? []).map((contribution) => contribution.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'declared in package.json but not registered by activate()');
  });

  it('refers only to declared commands in menus and keybindings', () => {
    const declared = new Set((manifest.contributes?.commands ?? []).map((contribution) => contribution.command));
    const menuCommands = Object.values(manifest.contributes?.menus ?? {})
      .flat()
      .flatMap((item) => (item.command ? [item.command] : []));
    const keyCommands = (manifest.contributes?.keybindings ?? []).map((binding) => binding.command);
    // A leading '-' removes a built-in binding; it is not one of ours.
    const undeclared = [...menuCommands, ...keyCommands].filter(
      (command) => !command.startsWith('-') && !declared.has(command),
    );
    assert.deepEqual([...new Set(undeclared)], [], 'used in menus or keybindings but not declared');
  });

  it('re-analyses when any setting but the view\'s own changes', () => {
    const settings = Object.keys(manifest.contributes?.configuration?.properties ?? {});
    const viewOnly = (key: string): boolean => key.startsWith(`${SECTION}.tree.`) || key.startsWith(`${SECTION}.decorations.`);
    const readByAnalysis = (key: string): boolean => ANALYSIS_SETTINGS.some((name) => key === `${SECTION}.${name}` || key.startsWith(`${SECTION}.${name}.`));
    assert.deepEqual(settings.filter((key) => !viewOnly(key) && !readByAnalysis(key)), [], 'add them to ANALYSIS_SETTINGS');
    assert.ok(settings.some(viewOnly));
  });
});
