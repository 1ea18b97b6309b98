// What gets published: the manifest's Marketplace fields, its localised strings, the walkthrough, and
// the files the .vsix carries (read with vsce's own file list, which is what `npm run package` stages).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { REPO_ROOT } from '../unit/helpers';

interface Manifest {
  readonly [key: string]: unknown;
  readonly contributes: {
    readonly commands: ReadonlyArray<{ command: string; title: string; category?: string }>;
    readonly walkthroughs: ReadonlyArray<{
      id: string;
      title: string;
      steps: ReadonlyArray<{ id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }>;
    }>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** `%key%` placeholders anywhere in a JSON value. */
function placeholders(value: unknown): string[] {
  if (typeof value === 'string') return /^%[^%\s]+%$/.test(value) ? [value.slice(1, -1)] : [];
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

/** The fields of a contribution whose strings users read: the command palette, menus, settings, views. */
const USER_TEXT = new Set(['title', 'category', 'description', 'markdownDescription', 'contextualTitle', 'name', 'label', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage']);

/** `where = text` for each string users read that is written in the manifest instead of taken from package.nls.json. */
function unlocalised(value: unknown, where: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => unlocalised(item, `${where}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const at = `${where}.${key}`;
    const texts = USER_TEXT.has(key) ? [inner].flat().filter((text): text is string => typeof text === 'string') : [];
    return [...texts.filter((text) => placeholders(text).length === 0).map((text) => `${at} = ${text}`), ...unlocalised(inner, at)];
  });
}

/** A localised manifest string as users see it. */
function text(value: string): string {
  return /^%.+%$/.test(value) ? nls[value.slice(1, -1)] : value;
}

describe('the published extension', () => {
  it('has a string in package.nls.json for every %key% in package.json, and no unused string', () => {
    const used = new Set(placeholders(manifest));
    assert.deepEqual([...used].filter((key) => typeof nls[key] !== 'string'), []);
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
    assert.equal(text(manifest.displayName as string), 'Editorial Annotations');
  });

  it('takes every title, category and description users read from package.nls.json', () => {
    assert.deepEqual(unlocalised({ contributes: manifest.contributes, capabilities: manifest.capabilities }, 'package.json'), []);
  });

  it('describes every choice of every setting that offers a list of them', () => {
    const undescribed: string[] = [];
    const visit = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}[${index}]`));
      else if (value && typeof value === 'object') {
        const setting = value as { enum?: unknown[]; enumDescriptions?: string[] };
        if (setting.enum && setting.enumDescriptions?.length !== setting.enum.length) undescribed.push(where);
        for (const [key, inner] of Object.entries(value)) visit(inner, `${where}.${key}`);
      }
    };
    visit((manifest.contributes as { configuration?: unknown }).configuration, 'configuration');
    assert.deepEqual(undescribed, []);
  });

  it('has what the Marketplace and Open VSX ask for, and no invented repository', () => {
    for (const field of ['displayName', 'description', 'publisher', 'version', 'license', 'icon', 'galleryBanner', 'categories', 'keywords']) {
      assert.ok(manifest[field] !== undefined, field);
    }
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.repository, undefined, 'set it when there is a real public repository');
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Editorial Annotations contributors\n/);
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'CHANGELOG.md')));
    assert.deepEqual(manifest.capabilities, {
      untrustedWorkspaces: { supported: true },
      virtualWorkspaces: { supported: false, description: (manifest.capabilities as { virtualWorkspaces: { description: string } }).virtualWorkspaces.description },
    });
  });

  it('has a 128×128 PNG icon', () => {
    const png = fs.readFileSync(path.join(REPO_ROOT, manifest.icon as string));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('declares a walkthrough whose media exist and whose commands are the extension’s or VS Code’s', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough && text(walkthrough.title).length > 0);
    const ours = new Set(manifest.contributes.commands.map((command) => command.command));
    const builtIn = new Set(['workbench.actions.view.problems']);
    for (const step of walkthrough.steps) {
      assert.ok(text(step.title) && text(step.description), step.id);
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && fs.existsSync(path.join(REPO_ROOT, media)), `${step.id}: ${media}`);
      const linked = [...text(step.description).matchAll(/\(command:([\w.]+)/g)].map((match) => match[1]);
      const completing = (step.completionEvents ?? []).map((event) => event.replace(/^onCommand:/, ''));
      for (const command of [...linked, ...completing]) assert.ok(ours.has(command) || builtIn.has(command), `${step.id}: ${command}`);
    }
    assert.ok(walkthrough.steps[0].completionEvents?.includes('onCommand:editorialAnnotations.openSample'));
  });

  it('packages only what the installed extension reads', async function () {
    this.timeout(30_000);
    const files = await listFiles({ cwd: REPO_ROOT, packageManager: PackageManager.None });
    for (const needed of [
      'package.json',
      'package.nls.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'dist/extension.js',
      'schemas/annotation-file.schema.json',
      'media/icon.png',
      'docs/findings/unattributed-claim.md',
      'articles/putin-witkoff-talks.txt',
      'annotations/putin-witkoff-talks.yaml',
      ...manifest.contributes.walkthroughs[0].steps.map((step) => step.media.markdown!),
    ]) {
      assert.ok(files.includes(needed), needed);
    }
    // The details page is the README, read from the package: every file it links to must be there.
    const linked = [...fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').matchAll(/\]\(([^)#\s]+)/g)]
      .map((match) => match[1])
      .filter((target) => !/^[a-z]+:/.test(target));
    assert.ok(linked.some((target) => target.endsWith('.png')), 'the README links to no screenshot');
    assert.deepEqual(linked.filter((target) => !files.includes(target)), []);
    const unwanted = files.filter((file) =>
      /^(src|test|out|node_modules|scripts|bench|\.cache|\.vscode|\.ci|test-results)\//.test(file) || /\.(map|vsix|ts)$/.test(file) || file === 'dist/cli.js',
    );
    assert.deepEqual(unwanted, []);
  });
});
