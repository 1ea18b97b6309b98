// The core is editor-free: it runs in the CLI and here, without VS Code.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_FINDING_CODES, docsPath, FINDING_CODES } from '../../src/core/codes';
import { ID_PATTERN } from '../../src/core/model';
import { DEFAULT_LOADED_VERBS } from '../../src/core/options';
import { REPO_ROOT } from './helpers';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture', () => {
  it('src/core never imports vscode or the editor layer', () => {
    const offenders = sourceFiles(path.join(REPO_ROOT, 'src', 'core')).filter((file) =>
      /from\s+['"](vscode|\.\.\/vscode\/[^'"]*|\.\.\/extension)['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders.map((file) => path.relative(REPO_ROOT, file)), []);
  });

  it('every finding code has a documentation page, which the diagnostics link to', () => {
    const missing = ALL_FINDING_CODES.filter((code) => !fs.existsSync(path.join(REPO_ROOT, docsPath(code))));
    assert.deepEqual(missing, []);
  });

  it('every finding code has a severity setting in package.json, with its default', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties['editorialAnnotations.severity'].properties;
    for (const [code, info] of FINDING_CODES) assert.equal(properties[code]?.default, info.defaultSeverity, code);
  });

  it('the form of an id is the schema\'s, for entities and claim types alike', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'annotation-file.schema.json'), 'utf8'));
    assert.equal(schema.definitions.id.pattern, ID_PATTERN.source);
    assert.equal(schema.definitions.entityRef.pattern, ID_PATTERN.source);
  });

  it('the loaded verbs are one list in the core, the setting\'s default, its documentation and the draft grammar', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['editorialAnnotations.loadedAttributionVerbs'].default, DEFAULT_LOADED_VERBS);
    const page = fs.readFileSync(path.join(REPO_ROOT, docsPath('loaded-attribution-verb')), 'utf8');
    const documented = /The built-in list\s+has each verb in its past and its present: ([^.]+)\./.exec(page)?.[1];
    assert.deepEqual(documented?.split(/,\s+/).map((verb) => verb.replace(/\s+/g, ' ')), [...DEFAULT_LOADED_VERBS]);
    const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', 'editorial.injection.tmLanguage.json'), 'utf8'));
    const loaded = new RegExp(grammar.repository['attribution-loaded'].match.replace('(?i)', ''), 'iu');
    for (const verb of DEFAULT_LOADED_VERBS) assert.match(` ${verb} `, loaded, verb);
  });
});
