// The project config: found upwards, validated with places, merged under the user's own settings.
import Ajv from 'ajv';
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ALL_FINDING_CODES } from '../../src/core/codes';
import type { FileHost } from '../../src/core/discovery';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/core/project';
import {
  applySettingsLayers,
  findProjectConfig,
  formatProblem,
  LAYER_KEYS,
  parseProjectConfigPackageJson,
  parseProjectConfigYaml,
  type ProjectConfigResult,
} from '../../src/core/projectConfig';
import { nodeFileHost } from '../../src/cli/nodeFileHost';
import { fixture, REPO_ROOT } from './helpers';

/** A file system of a few files in memory. */
function memoryHost(files: Record<string, string>): FileHost {
  const isFolder = (dir: string): boolean => Object.keys(files).some((file) => file.startsWith(dir + path.sep));
  return {
    readText: async (file) => files[file],
    stat: async (file) => (file in files ? 'file' : isFolder(file) ? 'directory' : undefined),
    listFiles: async () => [],
    entryNames: async () => undefined,
  };
}

function problems(result: ProjectConfigResult): string[] {
  assert.equal(result.kind, 'invalid');
  return result.kind === 'invalid' ? result.problems.map((problem) => formatProblem(problem, 'config')) : [];
}

describe('the project config', () => {
  it('finds the nearest config from a folder upwards, the YAML file before package.json in one folder', async () => {
    const root = path.resolve('/newsroom');
    const host = memoryHost({
      [path.join(root, '.editorial-annotations.yaml')]: 'severity:\n  unused-entity: off\n',
      [path.join(root, 'package.json')]: '{"editorialAnnotations": {"annotationsFolder": "elsewhere"}}',
      [path.join(root, 'desk', 'package.json')]: '{"name": "desk"}',
      [path.join(root, 'desk', 'culture', 'package.json')]: '{"editorialAnnotations": {"annotationsFolder": "notes"}}',
    });
    const fromDesk = await findProjectConfig(host, path.join(root, 'desk', 'articles'));
    assert.equal(fromDesk.kind === 'found' && fromDesk.config.file, path.join(root, '.editorial-annotations.yaml'));
    const fromCulture = await findProjectConfig(host, path.join(root, 'desk', 'culture', 'articles'));
    assert.equal(fromCulture.kind === 'found' && fromCulture.config.annotationsFolder, 'notes');
    assert.deepEqual(await findProjectConfig(memoryHost({}), root), { kind: 'none' });
  });

  it('finds the fixture configs on disk', async () => {
    const found = await findProjectConfig(nodeFileHost, fixture('config', 'yaml', 'desk', 'articles'));
    assert.equal(found.kind, 'found');
    if (found.kind === 'found') {
      assert.equal(found.config.file, fixture('config', 'yaml', '.editorial-annotations.yaml'));
      assert.equal(found.config.annotationsFolder, 'notes');
      assert.deepEqual(found.config.severity, { 'unattributed-claim': 'error', 'vague-attribution': 'warning' });
      assert.deepEqual(found.config.vagueAttributionPhrases, ['hints']);
    }
  });

  it('accepts an empty file, and ignores a package.json that is not JSON or has no key', () => {
    assert.deepEqual(parseProjectConfigYaml('c.yaml', '# nothing yet\n'), { kind: 'found', config: { file: 'c.yaml' } });
    assert.deepEqual(parseProjectConfigPackageJson('package.json', '{ not json'), { kind: 'none' });
    assert.deepEqual(parseProjectConfigPackageJson('package.json', '{"name": "x"}'), { kind: 'none' });
  });

  it('says where each mistake is, with a suggestion when one is close', () => {
    assert.deepEqual(problems(parseProjectConfigYaml('c.yaml', 'severity:\n  unused-entity: hidden\nannotationFolder: notes\n')), [
      "config:2:3: severity.unused-entity: 'hidden' is not a severity: use error, warning, information, hint or off",
      "config:3:1: annotationFolder: 'annotationFolder' is not a setting (did you mean annotationsFolder?); the settings are annotationsFolder, severity, vagueAttributionPhrases, loadedAttributionVerbs",
    ]);
    assert.deepEqual(problems(parseProjectConfigYaml('c.yaml', 'loadedAttributionVerbs:\n  - claimed\n  - 3\n')), [
      'config:3:5: loadedAttributionVerbs[2]: item 2 must be a word or phrase',
    ]);
    assert.deepEqual(problems(parseProjectConfigYaml('c.yaml', 'annotationsFolder: /srv/notes\n')), [
      'config:1:1: annotationsFolder: must be relative to the project folder, not an absolute path',
    ]);
    assert.deepEqual(problems(parseProjectConfigYaml('c.yaml', '- severity\n')), [
      'config:1:1: the config: the config must be a mapping of settings (annotationsFolder, severity, vagueAttributionPhrases, loadedAttributionVerbs)',
    ]);
    assert.match(problems(parseProjectConfigYaml('c.yaml', 'severity: {\n'))[0], /^config:\d+:\d+: not valid YAML: /);
    assert.deepEqual(problems(parseProjectConfigPackageJson('package.json', '{"editorialAnnotations": {"severity": []}}')), [
      'config: editorialAnnotations.severity: must be a mapping of finding codes to error, warning, information, hint or off',
    ]);
  });

  it('merges layers: severities code by code, lists and the folder replaced', () => {
    const config = { annotationsFolder: 'notes', severity: { 'unused-entity': 'off', 'vague-attribution': 'error' }, vagueAttributionPhrases: ['hints'] } as const;
    const user = { severity: { 'vague-attribution': 'hint' }, loadedAttributionVerbs: ['boasted'] } as const;
    const merged = applySettingsLayers(DEFAULT_PROJECT_SETTINGS, config, undefined, user);
    assert.equal(merged.annotationsFolder, 'notes');
    assert.deepEqual(merged.options.severity, { 'unused-entity': 'off', 'vague-attribution': 'hint' });
    assert.deepEqual(merged.options.vaguePhrases, ['hints']);
    assert.deepEqual(merged.options.loadedVerbs, ['boasted']);
    assert.deepEqual(applySettingsLayers(DEFAULT_PROJECT_SETTINGS), DEFAULT_PROJECT_SETTINGS);
  });

  it('has a JSON Schema (for completion in the editor) that agrees with the validation', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'project-config.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties), [...LAYER_KEYS]);
    assert.deepEqual(Object.keys(schema.properties.severity.properties), [...ALL_FINDING_CODES]);
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const yamlConfig = (name: string): unknown => parse(fs.readFileSync(fixture('config', name, '.editorial-annotations.yaml'), 'utf8'));
    assert.ok(validate(yamlConfig('yaml')), JSON.stringify(validate.errors));
    assert.ok(!validate(yamlConfig('invalid')));
    assert.equal(validate.errors?.length, 3);
  });
});
