// Which annotation file belongs to a draft (spec: "Files and discovery"), on the fixture project
// test/fixtures/discovery and on test/fixtures/custom-folder (an annotations folder with another name).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { Analysis } from '../../src/core/analysis';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { articleOnItsLine, isInside, NEEDS_FULL_READ, newAnnotationFilePath, readArticleField, type FileHost } from '../../src/core/discovery';
import { applyEdits } from '../../src/core/edits';
import { fixesFor } from '../../src/core/fixes';
import { parseAnnotationFile } from '../../src/core/parse';
import { AnnotationProject, DEFAULT_PROJECT_SETTINGS, type ProjectAnalysis, type ProjectSettings } from '../../src/core/project';
import { nodeFileHost } from '../../src/cli/nodeFileHost';
import { findingsOf, fixture, readText, SAMPLE_ANNOTATIONS, textAt } from './helpers';

const ROOT = fixture('discovery');

function inProject(relative: string): string {
  return path.join(ROOT, relative);
}

/** The annotation file discovery picks for a draft of the fixture, relative to the project, or undefined. */
async function annotationFileOf(draft: string, settings: ProjectSettings = DEFAULT_PROJECT_SETTINGS, root = ROOT): Promise<string | undefined> {
  const analysis = await new AnnotationProject(nodeFileHost, settings).analyzeDraft(path.join(root, draft));
  return analysis && path.relative(root, analysis.annotations.file);
}

async function analyzeDraft(draft: string): Promise<Analysis> {
  const analysis = await new AnnotationProject(nodeFileHost).analyzeDraft(inProject(draft));
  assert.ok(analysis, `${draft} has an annotation file`);
  return analysis;
}

async function analyzeAnnotationFile(file: string, settings: ProjectSettings = DEFAULT_PROJECT_SETTINGS, root = ROOT): Promise<ProjectAnalysis[]> {
  return new AnnotationProject(nodeFileHost, settings).analyzeAnnotationFile(path.join(root, file));
}

/** The conflict findings of an analysis: file (relative to the project) and message. */
function conflicts(analysis: Analysis): Array<{ file: string; message: string }> {
  return findingsOf(analysis, 'invalid-annotation')
    .filter((finding) => finding.message.startsWith('Two annotation files claim'))
    .map((finding) => ({ file: path.relative(ROOT, finding.file), message: finding.message }));
}

/** Runs `body` on a project of the given files (path relative to its root -> text), removed afterwards. */
async function inTempProject(files: Record<string, string>, body: (root: string) => Promise<void>): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-discovery-'));
  try {
    for (const [relative, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
    }
    await body(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('a file inside a folder', () => {
  it('is below it, not the folder itself nor beside it, also in a subfolder whose name starts with two dots', () => {
    const dir = path.resolve('/newsroom/annotations');
    assert.equal(isInside(dir, path.join(dir, 'quay.yaml')), true);
    assert.equal(isInside(dir, path.join(dir, '..drafts', 'quay.yaml')), true);
    assert.equal(isInside(dir, dir), false);
    assert.equal(isInside(dir, path.resolve('/newsroom/articles/quay.txt')), false);
    assert.equal(isInside(dir, path.resolve('/newsroom/annotations-old/quay.yaml')), false);
  });
});

describe('discovery', () => {
  describe('the three rules', () => {
    it('1. finds a file anywhere in annotations/, subfolders included, by its `article:` field', async () => {
      assert.equal(await annotationFileOf('articles/by-field.txt'), 'annotations/desk/anything.yaml');
      // `article: ../articles/renamed.txt` in a file named after another draft.
      assert.equal(await annotationFileOf('articles/renamed.txt'), 'annotations/old-name.yaml');
    });

    it('2. finds annotations/<stem>.yaml or .yml, for .txt and .md drafts', async () => {
      assert.equal(await annotationFileOf('articles/by-name.txt'), 'annotations/by-name.yaml');
      assert.equal(await annotationFileOf('articles/by-name-yml.md'), 'annotations/by-name-yml.yml');
      assert.equal(await annotationFileOf('articles/notes.md'), 'annotations/notes.yaml');
    });

    it('3. finds a sidecar <stem>.annotations.yaml beside the draft', async () => {
      assert.equal(await annotationFileOf('articles/sidecar.txt'), 'articles/sidecar.annotations.yaml');
    });

    it('3. finds a sidecar that also names its draft with `article:`', async () => {
      assert.equal(await annotationFileOf('articles/sidecar-with-article.txt'), 'articles/sidecar-with-article.annotations.yaml');
    });

    it('does not give a draft the file of its name when that file names another draft', async () => {
      assert.equal(await annotationFileOf('articles/old-name.txt'), undefined);
    });

    it('returns no analysis for a draft no annotation file claims', async () => {
      assert.equal(await annotationFileOf('articles/unannotated.txt'), undefined);
    });
  });

  describe('two files claiming one draft', () => {
    it('uses the annotations folder file over the sidecar, and reports the conflict on both files', async () => {
      const analysis = await analyzeDraft('articles/contested.txt');
      assert.equal(path.relative(ROOT, analysis.annotations.file), 'annotations/contested.yaml');
      const found = conflicts(analysis);
      assert.deepEqual(
        found.map((conflict) => conflict.file),
        ['annotations/contested.yaml', 'articles/contested.annotations.yaml'],
      );
      assert.match(found[0].message, /claim articles\/contested\.txt: this one and articles\/contested\.annotations\.yaml\. This one is used\.$/);
      assert.match(found[1].message, /claim articles\/contested\.txt: this one and annotations\/contested\.yaml\. The other one is used\.$/);
      for (const finding of findingsOf(analysis, 'invalid-annotation')) assert.equal(finding.severity, 'error');
      // The sidecar's unsourced claim is not the draft's: only the file used speaks for the draft.
      assert.deepEqual(findingsOf(analysis, 'unattributed-claim'), []);
    });

    it('counts and names them all when three claim it, and says which one is used', async () => {
      const files = {
        'articles/quay.txt': 'The harbour master said the quay reopens in May.\n',
        'annotations/desk.yaml': 'version: 1\narticle: ../articles/quay.txt\n',
        'annotations/quay.yml': 'version: 1\n',
        'articles/quay.annotations.yaml': 'version: 1\n',
      };
      await inTempProject(files, async (root) => {
        const analysis = await new AnnotationProject(nodeFileHost).analyzeDraft(path.join(root, 'articles/quay.txt'));
        assert.ok(analysis);
        assert.deepEqual(
          findingsOf(analysis, 'invalid-annotation').map((finding) => [path.relative(root, finding.file), finding.message]),
          [
            ['annotations/desk.yaml', 'Three annotation files claim articles/quay.txt: this one, annotations/quay.yml and articles/quay.annotations.yaml. This one is used.'],
            ['annotations/quay.yml', 'Three annotation files claim articles/quay.txt: this one, annotations/desk.yaml and articles/quay.annotations.yaml. annotations/desk.yaml is used.'],
            ['articles/quay.annotations.yaml', 'Three annotation files claim articles/quay.txt: this one, annotations/desk.yaml and annotations/quay.yml. annotations/desk.yaml is used.'],
          ],
        );
      });
    });

    it('uses the file that names the draft over the sidecar, and marks its `article:`', async () => {
      const analysis = await analyzeDraft('articles/contested-field.txt');
      assert.equal(path.relative(ROOT, analysis.annotations.file), 'annotations/desk/contested-by-field.yaml');
      const [used, other] = findingsOf(analysis, 'invalid-annotation');
      assert.equal(used.file, analysis.annotations.file);
      assert.equal(textAt(analysis, used), '../../articles/contested-field.txt');
      assert.match(used.message, /This one is used\.$/);
      assert.equal(other.file, inProject('articles/contested-field.annotations.yaml'));
      assert.match(other.message, /this one and annotations\/desk\/contested-by-field\.yaml\. The other one is used\.$/);
    });
  });

  describe('the registry', () => {
    it('is shared by every annotated draft of the project', async () => {
      for (const draft of ['articles/by-field.txt', 'articles/by-name.txt', 'articles/sidecar.txt']) {
        const analysis = await analyzeDraft(draft);
        assert.equal(analysis.registry?.file, inProject('annotations/entities.yaml'), draft);
      }
    });

    it('is not the annotation file of a draft called entities', async () => {
      assert.equal(await annotationFileOf('articles/entities.txt'), undefined);
    });

    it("reports each claims:, claimTypes: and article: it holds, on its own analysis and each draft's, and leaves them out of its model", async () => {
      const registry = [
        'version: 1',
        // Mistakes in what the registry can't use are not reported one by one as well.
        'article: ../articles/quay.json',
        'claimTypes:',
        '  rumour: { label: Rumour, requiresSource: maybe }',
        'entities:',
        '  ruiz:',
        '    name: Ana Ruiz',
        'claims:',
        '  - text: the quay reopens in May',
        '    type: rumour',
        '  - text: the ferry runs',
        '    tpye: fact',
        '    source: Ruiz',
        '',
      ].join('\n');
      const files = {
        'articles/quay.txt': 'Ana Ruiz said the quay reopens in May.\n',
        'annotations/quay.yaml': 'version: 1\nclaims:\n  - text: the quay reopens in May\n    type: paraphrase\n    source: ruiz\n',
        'annotations/entities.yaml': registry,
      };
      await inTempProject(files, async (root) => {
        const expected = [
          ['article', 'The shared registry holds entities only and annotates no draft: remove `article:` (each article\'s own annotation file names its draft)'],
          ['claimTypes', 'The shared registry holds entities only, so these claim types are used by no article: declare them in the annotation file of each article that uses them'],
          ['claims', 'The shared registry holds entities only, so these claims are checked against no draft: move them to the annotation file of the article they are about'],
        ];
        const registryFile = path.join(root, 'annotations/entities.yaml');
        const said = (analysis: Analysis) =>
          analysis.findings.filter((finding) => finding.file === registryFile).map((finding) => [textAt(analysis, finding), finding.message]);
        // Opened in the editor (or given to the check by path): the registry alone.
        const [alone] = await analyzeAnnotationFile('annotations/entities.yaml', DEFAULT_PROJECT_SETTINGS, root);
        assert.deepEqual(said(alone), expected);
        assert.deepEqual(findingsOf(alone, 'invalid-annotation').map((finding) => finding.severity), ['error', 'error', 'error']);
        assert.deepEqual([alone.annotations.claims, alone.annotations.claimTypes, alone.annotations.article], [[], [], undefined]);
        // With a draft that uses it: the same findings, on the registry, and its entity still serves.
        const withDraft = await new AnnotationProject(nodeFileHost).analyzeDraft(path.join(root, 'articles/quay.txt'));
        assert.ok(withDraft);
        assert.deepEqual(said(withDraft), expected);
        assert.deepEqual(withDraft.findings.filter((finding) => finding.file !== registryFile), []);
      });
    });

    it('is analysed alone without a draft and without a missing-article error', async () => {
      const analyses = await analyzeAnnotationFile('annotations/entities.yaml');
      assert.equal(analyses.length, 1);
      assert.equal(analyses[0].draft, undefined);
      assert.deepEqual(analyses[0].findings, []);
    });
  });

  describe('an annotation file analysed alone', () => {
    it('is analysed with the draft it annotates', async () => {
      for (const [file, draft] of [
        ['annotations/by-name.yaml', 'articles/by-name.txt'],
        ['annotations/desk/anything.yaml', 'articles/by-field.txt'],
        ['articles/sidecar.annotations.yaml', 'articles/sidecar.txt'],
        ['articles/sidecar-with-article.annotations.yaml', 'articles/sidecar-with-article.txt'],
      ]) {
        const analyses = await analyzeAnnotationFile(file);
        assert.deepEqual(analyses.map((analysis) => path.relative(ROOT, analysis.draft?.path ?? '')), [draft], file);
        assert.equal(analyses[0].annotations.file, inProject(file));
      }
    });

    it('is analysed without a draft when it has none, with article-not-found on its first line of YAML', async () => {
      const analyses = await analyzeAnnotationFile('annotations/draftless.yaml');
      assert.equal(analyses.length, 1);
      const [analysis] = analyses;
      assert.equal(analysis.draft, undefined);
      const [missing, ...others] = findingsOf(analysis, 'article-not-found');
      assert.equal(others.length, 0);
      assert.equal(missing.file, analysis.annotations.file);
      // The file opens with a comment; the finding goes on the first line that is not one.
      assert.equal(analysis.annotations.text.slice(missing.range.start, missing.range.end), 'version: 1');
      assert.match(missing.message, /^No draft found for this annotation file: add `article:`/);
    });

    it('ignores a YAML file that is neither in the annotations folder nor a sidecar', async () => {
      for (const file of ['articles/settings.yaml', 'config.yaml']) {
        assert.deepEqual(await analyzeAnnotationFile(file), [], file);
        assert.equal(await new AnnotationProject(nodeFileHost).discovery.isAnnotationFile(inProject(file)), false, file);
      }
    });
  });

  describe('the files an analysis read', () => {
    // Every analysis counts both names of the registry, found or not: one created, or an `entities.yaml`
    // created beside an `entities.yml` (which it then replaces), changes what the analysis would read.
    /** The files an analysis read, relative to `root` and sorted. */
    function read(analysis: ProjectAnalysis | undefined, root = ROOT): string[] {
      return [...(analysis?.filesRead ?? [])].map((file) => path.relative(root, file)).sort();
    }
    const REGISTRY = ['annotations/entities.yaml', 'annotations/entities.yml'];

    it('a draft: the draft, its annotation file and the registry', async () => {
      const analysis = await new AnnotationProject(nodeFileHost).analyzeDraft(inProject('articles/by-name.txt'));
      assert.deepEqual(read(analysis), ['annotations/by-name.yaml', ...REGISTRY, 'articles/by-name.txt']);
    });

    it('a draft two files claim: both, also when the finding that names the other is turned off', async () => {
      const quiet: ProjectSettings = { ...DEFAULT_PROJECT_SETTINGS, options: { ...DEFAULT_OPTIONS, severity: { 'invalid-annotation': 'off' } } };
      for (const settings of [DEFAULT_PROJECT_SETTINGS, quiet]) {
        const analysis = await new AnnotationProject(nodeFileHost, settings).analyzeDraft(inProject('articles/contested.txt'));
        assert.deepEqual(read(analysis), ['annotations/contested.yaml', ...REGISTRY, 'articles/contested.annotations.yaml', 'articles/contested.txt']);
      }
    });

    it('the file that lost a conflict: not the draft, which its analysis does not use', async () => {
      const [analysis, ...others] = await analyzeAnnotationFile('articles/contested.annotations.yaml');
      assert.equal(others.length, 0);
      assert.deepEqual(read(analysis), ['annotations/contested.yaml', ...REGISTRY, 'articles/contested.annotations.yaml']);
    });

    it('the registry alone, and an annotation file without a draft', async () => {
      assert.deepEqual((await analyzeAnnotationFile('annotations/entities.yaml')).map((analysis) => read(analysis)), [['annotations/entities.yaml']]);
      assert.deepEqual((await analyzeAnnotationFile('annotations/draftless.yaml')).map((analysis) => read(analysis)), [['annotations/draftless.yaml', ...REGISTRY]]);
    });

    it('a draft, in a folder without a registry: the registry as it would be, once created', async () => {
      const analysis = await new AnnotationProject(nodeFileHost).analyzeDraft(path.join(fixture('no-registry'), 'articles/harbour.txt'));
      assert.deepEqual(read(analysis, fixture('no-registry')), [...REGISTRY, 'annotations/harbour.yaml', 'articles/harbour.txt']);
    });

    it('an annotation file without a draft, in a folder without a registry: the registry as it would be, once created', async () => {
      // Creating it changes the file's findings (its sources may be there): what reads it must be analysed again.
      const [analysis] = await new AnnotationProject(nodeFileHost).analyzeAnnotationFile(path.join(fixture('no-registry'), 'annotations/draftless.yaml'));
      assert.deepEqual(read(analysis, fixture('no-registry')), ['annotations/draftless.yaml', ...REGISTRY]);
    });
  });

  describe('the annotationsFolder setting', () => {
    const CUSTOM = fixture('custom-folder');
    const deskNotes: ProjectSettings = { ...DEFAULT_PROJECT_SETTINGS, annotationsFolder: 'desk-notes' };

    it('finds annotation files and the registry in the folder it names', async () => {
      assert.equal(await annotationFileOf('articles/harbour.txt', deskNotes, CUSTOM), 'desk-notes/harbour.yaml');
      const analysis = await new AnnotationProject(nodeFileHost, deskNotes).analyzeDraft(path.join(CUSTOM, 'articles/harbour.txt'));
      assert.equal(analysis?.registry?.file, path.join(CUSTOM, 'desk-notes/entities.yaml'));
      // The claim's source comes from that registry.
      assert.deepEqual(analysis?.findings, []);
      assert.equal((await analyzeAnnotationFile('desk-notes/harbour.yaml', deskNotes, CUSTOM)).length, 1);
    });

    it('takes a folder two levels down (meta/notes), for the files in it analysed alone too', async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'editorial-nested-'));
      try {
        const metaNotes: ProjectSettings = { ...DEFAULT_PROJECT_SETTINGS, annotationsFolder: 'meta/notes' };
        fs.mkdirSync(path.join(root, 'meta', 'notes'), { recursive: true });
        fs.mkdirSync(path.join(root, 'articles'));
        fs.copyFileSync(path.join(CUSTOM, 'articles', 'harbour.txt'), path.join(root, 'articles', 'harbour.txt'));
        fs.copyFileSync(path.join(CUSTOM, 'desk-notes', 'harbour.yaml'), path.join(root, 'meta', 'notes', 'harbour.yaml'));
        fs.copyFileSync(path.join(CUSTOM, 'desk-notes', 'entities.yaml'), path.join(root, 'meta', 'notes', 'entities.yaml'));
        fs.writeFileSync(path.join(root, 'meta', 'notes', 'broken.yaml'), 'version: 1\narticle: ../../articles/missing.txt\n');
        assert.equal(await annotationFileOf('articles/harbour.txt', metaNotes, root), path.join('meta', 'notes', 'harbour.yaml'));
        assert.equal((await analyzeAnnotationFile('meta/notes/harbour.yaml', metaNotes, root)).length, 1);
        const [broken] = await analyzeAnnotationFile('meta/notes/broken.yaml', metaNotes, root);
        assert.deepEqual(broken?.findings.map((finding) => finding.code), ['article-not-found']);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });

    it('does not look in that folder with the default setting', async () => {
      assert.equal(await annotationFileOf('articles/harbour.txt', DEFAULT_PROJECT_SETTINGS, CUSTOM), undefined);
      assert.deepEqual(await analyzeAnnotationFile('desk-notes/harbour.yaml', DEFAULT_PROJECT_SETTINGS, CUSTOM), []);
    });
  });
});

describe('the article: field, read as the parser reads it', () => {
  const QUAY = 'The harbour master said the quay reopens in May.\n';
  const FERRY = 'The ferry runs twice a day, the operator said.\n';

  it('finds the draft a quoted key or a folded block scalar names, with no article-not-found', async () => {
    await inTempProject(
      {
        'articles/quay.txt': QUAY,
        'articles/ferry.txt': FERRY,
        'annotations/desk-one.yaml': 'version: 1\n"article": ../articles/quay.txt\n',
        'annotations/desk-two.yaml': 'version: 1\narticle: >-\n  ../articles/ferry.txt\nentities: {}\n',
      },
      async (root) => {
        assert.equal(await annotationFileOf('articles/quay.txt', DEFAULT_PROJECT_SETTINGS, root), path.join('annotations', 'desk-one.yaml'));
        assert.equal(await annotationFileOf('articles/ferry.txt', DEFAULT_PROJECT_SETTINGS, root), path.join('annotations', 'desk-two.yaml'));
        for (const [file, draft] of [['annotations/desk-one.yaml', 'articles/quay.txt'], ['annotations/desk-two.yaml', 'articles/ferry.txt']]) {
          const analyses = await analyzeAnnotationFile(file, DEFAULT_PROJECT_SETTINGS, root);
          assert.deepEqual(analyses.map((analysis) => analysis.draft?.path), [path.join(root, draft)], file);
          assert.deepEqual(findingsOf(analyses[0], 'article-not-found'), [], file);
        }
      },
    );
  });

  it('takes the last of two `article:` keys, as the parser does (and says)', async () => {
    await inTempProject(
      {
        'articles/quay.txt': QUAY,
        'articles/ferry.txt': FERRY,
        'annotations/desk.yaml': 'version: 1\narticle: ../articles/quay.txt\nentities: {}\narticle: ../articles/ferry.txt\n',
      },
      async (root) => {
        assert.equal(await annotationFileOf('articles/quay.txt', DEFAULT_PROJECT_SETTINGS, root), undefined);
        assert.equal(await annotationFileOf('articles/ferry.txt', DEFAULT_PROJECT_SETTINGS, root), path.join('annotations', 'desk.yaml'));
        const [analysis] = await analyzeAnnotationFile('annotations/desk.yaml', DEFAULT_PROJECT_SETTINGS, root);
        assert.equal(analysis.draft?.path, path.join(root, 'articles/ferry.txt'));
        assert.deepEqual(
          findingsOf(analysis, 'invalid-annotation').map((finding) => finding.message),
          ["Duplicate key 'article': only the last one counts"],
        );
      },
    );
  });

  it('says once that an `article:` written empty or as no text names no draft, not also "add `article:`"', async () => {
    await inTempProject(
      { 'annotations/empty.yaml': 'version: 1\narticle: ""\nentities: {}\n', 'annotations/bare.yaml': 'version: 1\narticle:\nentities: {}\n' },
      async (root) => {
        for (const file of ['annotations/empty.yaml', 'annotations/bare.yaml']) {
          const [analysis] = await analyzeAnnotationFile(file, DEFAULT_PROJECT_SETTINGS, root);
          assert.deepEqual(analysis.findings.map((finding) => finding.code), ['invalid-annotation'], file);
          assert.match(analysis.findings[0].message, /`?article:?`? (is empty|must be text)/, file);
        }
      },
    );
  });

  it('names no draft when it names a file that is no draft (.json, .pdf): said on `article:`, and the file is not read as a draft', async () => {
    await inTempProject(
      {
        'articles/notes.json': '{"said": "we will reopen the quay in May, whatever the council decides"}\n',
        'annotations/notes.yaml': 'version: 1\narticle: ../articles/notes.json\nentities: {}\n',
        'annotations/report.yaml': 'version: 1\narticle: ../articles/report.pdf\n',
      },
      async (root) => {
        for (const [file, value] of [['annotations/notes.yaml', '../articles/notes.json'], ['annotations/report.yaml', '../articles/report.pdf']]) {
          const analyses = await analyzeAnnotationFile(file, DEFAULT_PROJECT_SETTINGS, root);
          assert.deepEqual(analyses.map((analysis) => analysis.draft), [undefined], file);
          const [analysis] = analyses;
          assert.deepEqual(
            analysis.findings.map((finding) => [finding.code, finding.message, textAt(analysis, finding)]),
            [['invalid-annotation', `\`article:\` names "${value}", which is not a draft: a draft is a .txt or .md file, and only drafts are checked`, value]],
          );
        }
        // Nor is it a draft when asked for by its path.
        assert.equal(await annotationFileOf('articles/notes.json', DEFAULT_PROJECT_SETTINGS, root), undefined);
      },
    );
  });

  it('reads the sample and the fixtures off the line, without reading the whole file', () => {
    assert.equal(articleOnItsLine(readText(SAMPLE_ANNOTATIONS)), '../articles/putin-witkoff-talks.txt');
    assert.equal(articleOnItsLine(readText(inProject('annotations/desk/anything.yaml'))), '../../articles/by-field.txt');
    assert.equal(articleOnItsLine('version: 1\r\narticle: "../my articles/talks #1.txt"  # quoted\r\nentities:\r\n  a:\r\n    name: A\r\n'), '../my articles/talks #1.txt');
  });

  /** Lines of annotation files in the plain form (and errors in it), and lines in every other form YAML has for a key or a value. */
  const PLAIN_LINES = [
    'version: 1', 'article: ../articles/a.txt', 'article: ../b.txt  # c', 'article: "../q #1.txt"', "article: '../it''s.txt'",
    'article : ../space.txt', 'article:\t../tab.txt', 'article: ../trailing.txt   ', 'article: ../é/ü.txt', 'article: ../nb\u00a0',
    '# comment', '', '   ', 'entities:', 'entities: # c', '  putin:', '    name: Putin', "    name: It's", '    aliases: [Putin, "V. Putin"]',
    'claims:', '- text: a', '  - text: b', '    type: fact', 'note: |', 'note: >-', '  text', 'x: y', 'url: http://x',
    // Indented wrongly, or left open: errors the lines before `article:` may hold.
    '   odd: 1', '    - a', '  }', "  'x", '  "y',
  ];
  const OTHER_LINES = [
    '"article": ../quoted-key.txt', "'article': ../single.txt", 'article: >-', 'article: |', 'article:', 'article: # c', 'article: ~',
    'article: 12', 'article: 0x1F', 'article: true', 'article: ""', 'article: &a ../anchored.txt', 'article: *a', 'article: !!str ../t.txt',
    'article: [../x.txt]', 'article:x', 'article: a: b', 'article: "../multi', 'article: "../esc\\x41.txt"', '"\\x61rticle": ../esc-key.txt',
    '? article', ': ../explicit.txt', '? |-', '  article', '  article: ../indented.txt', '  ../continued.txt', '  # indented comment',
    '# the article: below', 'entities: &e', '  - text: "quoted', 'more"', 'note: "open', "note: 'open", 'claims: [', 'k: {a: [1, 2]', ']', '}',
    '{ article: ../flow.txt }', '---', '...', '%YAML 1.2', 'junk', 'a #b: 1', '\ufeffarticle: ../bom.txt', '- item', '\tx: 1',
  ];
  const line = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_LINES), weight: 12 }, { arbitrary: fc.constantFrom(...OTHER_LINES), weight: 1 });
  const lineBreak = fc.oneof({ arbitrary: fc.constantFrom('\n', '\r\n'), weight: 12 }, { arbitrary: fc.constantFrom('\r', '\u2028'), weight: 1 });
  const files = fc.array(fc.tuple(line, lineBreak), { maxLength: 14 }).map((lines) => lines.map(([text, end]) => text + end).join(''));

  it('is the parser\'s for every text, but where a syntax error leaves the parser no top level', () => {
    let offTheLine = 0;
    let runs = 0;
    fc.assert(
      fc.property(files, (text) => {
        runs++;
        const parsed = parseAnnotationFile('/newsroom/annotations/desk.yaml', text);
        const read = readArticleField(text);
        if (articleOnItsLine(text) !== NEEDS_FULL_READ) offTheLine++;
        // A file whose top level a syntax error broke keeps the article its line names: it stays its
        // draft's while it is mended (the parser reads no `article:` and reports the error).
        const broken = parsed.article === undefined && parsed.findings.some((finding) => finding.code === 'yaml-syntax');
        if (!broken) assert.equal(read, parsed.article?.path, JSON.stringify(text));
      }),
      { seed: 20_251_126, numRuns: 3000 },
    );
    // The line settles many of them: the fast reading is tried, not skipped.
    assert.ok(offTheLine > runs / 5, `${offTheLine} of ${runs}`);
  });

  it('is what the YAML library reads, for paths with spaces, #, quotes and escapes', () => {
    for (const written of [
      '../articles/quay.txt',
      '../articles/quay.txt   # the harbour story',
      '"../my articles/Zürich é/talks #1.txt"',
      '"../my articles/talks #1.txt"  # a comment after the quotes',
      "'../it''s here.txt'",
      '"../tab\\there.txt"',
      '../a#b.txt',
    ]) {
      const text = `version: 1\narticle: ${written}\n`;
      assert.equal(readArticleField(text), (parse(text) as { article: string }).article, written);
    }
  });
});

/**
 * The disk as a case-insensitive file system (macOS's and Windows's default) answers: a path finds the
 * entry with its letters in any case; listings give the names as written.
 */
function caseInsensitiveHost(): FileHost {
  const onDisk = (file: string): string => {
    const parts = path.resolve(file).split(path.sep);
    let found = parts[0] + path.sep;
    for (const part of parts.slice(1)) {
      if (part === '') continue;
      const names = fs.existsSync(found) && fs.statSync(found).isDirectory() ? fs.readdirSync(found) : [];
      found = path.join(found, names.find((name) => name.toLowerCase() === part.toLowerCase()) ?? part);
    }
    return found;
  };
  return {
    readText: (file) => nodeFileHost.readText(onDisk(file)),
    stat: (file) => nodeFileHost.stat(onDisk(file)),
    listFiles: (dir, extensions) => nodeFileHost.listFiles(onDisk(dir), extensions),
    entryNames: (dir) => nodeFileHost.entryNames(onDisk(dir)),
  };
}

describe('an article: path in another letter case, or with a typo', () => {
  const ferry = 'The harbour master said the ferry would sail on Tuesday.\n';
  const annotations = (article: string): string => `version: 1\narticle: ${article}\nclaims:\n  - text: the ferry would sail on Tuesday\n    type: paraphrase\n    basis: public-record\n`;

  async function articleFindings(host: FileHost, root: string): Promise<{ drafts: Array<string | undefined>; messages: string[]; fixes: string[]; fixed?: string }> {
    const project = new AnnotationProject(host);
    const analyses = await project.analyzeAnnotationFile(path.join(root, 'annotations', 'ferry-story.yaml'));
    const missing = analyses.flatMap((analysis) => findingsOf(analysis, 'article-not-found'));
    const fixes = analyses.flatMap((analysis) => missing.flatMap((finding) => fixesFor(analysis, finding)));
    const fixed = fixes[0] && applyEdits(analyses[0].annotations.text, fixes[0].edits);
    return {
      drafts: analyses.map((analysis) => analysis.draft && path.relative(root, analysis.draft.path)),
      messages: missing.map((finding) => finding.message),
      fixes: fixes.map((candidate) => `${candidate.title}${candidate.isPreferred ? ' (preferred)' : ''}`),
      fixed,
    };
  }

  for (const [system, host] of [
    ['case-sensitive (Linux)', nodeFileHost],
    ['case-insensitive (macOS, Windows)', caseInsensitiveHost()],
  ] as const) {
    it(`is no draft on a ${system} file system: the error names the draft that is there, and Ctrl+. writes its name`, async () => {
      for (const written of ['../articles/Ferry-Story.txt', '../Articles/ferry-story.txt']) {
        await inTempProject({ 'articles/ferry-story.txt': ferry, 'annotations/ferry-story.yaml': annotations(written) }, async (root) => {
          const found = await articleFindings(host, root);
          assert.deepEqual(found.drafts, [undefined], written);
          assert.deepEqual(found.messages, [`No draft at ${written}: the draft there is ../articles/ferry-story.txt. Letter case counts: Linux, where CI checks usually run, finds no file by another case`]);
          assert.deepEqual(found.fixes, ["Change article: to '../articles/ferry-story.txt' (preferred)"]);
          fs.writeFileSync(path.join(root, 'annotations', 'ferry-story.yaml'), found.fixed!);
          const after = await new AnnotationProject(host).analyzeAnnotationFile(path.join(root, 'annotations', 'ferry-story.yaml'));
          assert.deepEqual([after.map((analysis) => analysis.draft && path.relative(root, analysis.draft.path)), after.flatMap((analysis) => findingsOf(analysis, 'article-not-found'))], [[path.join('articles', 'ferry-story.txt')], []]);
        });
      }
    });

    it(`annotates no draft from an article: in another case on a ${system} file system, so the editor and CI agree`, async () => {
      await inTempProject({ 'articles/ferry-story.txt': ferry, 'annotations/ferry-story.yaml': annotations('../articles/Ferry-Story.txt') }, async (root) => {
        const project = new AnnotationProject(host);
        assert.equal(await project.analyzeDraft(path.join(root, 'articles', 'ferry-story.txt')), undefined);
        assert.deepEqual(await project.discovery.draftsFor(path.join(root, 'annotations', 'ferry-story.yaml')), []);
      });
    });
  }

  it('suggests the closest draft in the folder for a typo in the draft\'s name, not preferred', async () => {
    await inTempProject(
      { 'articles/ferry-story.txt': ferry, 'articles/budget.md': 'The council set its budget.\n', 'annotations/ferry-story.yaml': annotations('../articles/ferry-stroy.txt') },
      async (root) => {
        const found = await articleFindings(nodeFileHost, root);
        assert.deepEqual(found.messages, [`No draft at ../articles/ferry-stroy.txt (looked for ${path.join('articles', 'ferry-stroy.txt')}). Did you mean ../articles/ferry-story.txt?`]);
        assert.deepEqual(found.fixes, ["Change article: to '../articles/ferry-story.txt'"]);
      },
    );
  });

  it('suggests nothing when no draft in the folder is close, or the folder is not there', async () => {
    for (const written of ['../articles/harbour-dues.txt', '../drafts/ferry-story.txt']) {
      await inTempProject({ 'articles/ferry-story.txt': ferry, 'annotations/ferry-story.yaml': annotations(written) }, async (root) => {
        const found = await articleFindings(nodeFileHost, root);
        assert.deepEqual([found.messages.length, found.fixes], [1, []], written);
        assert.equal(found.messages[0], `No draft at ${written} (looked for ${path.join(...written.split('/').slice(1))})`, written);
      });
    }
  });
});

describe('the name of a new annotation file', () => {
  const annotations = inProject('annotations');
  const newFile = async (draft: string): Promise<string> => path.relative(ROOT, await newAnnotationFilePath(nodeFileHost, annotations, inProject(draft)));

  it("is the draft's name when no file has it", async () => {
    assert.equal(await annotationFileOf('articles/unannotated.txt'), undefined);
    assert.equal(await newFile('articles/unannotated.txt'), path.join('annotations', 'unannotated.yaml'));
  });

  it("is another when another draft's annotation file has the draft's name", async () => {
    // annotations/old-name.yaml annotates articles/renamed.txt: articles/old-name.txt has no file.
    assert.equal(await annotationFileOf('articles/old-name.txt'), undefined);
    assert.equal(await newFile('articles/old-name.txt'), path.join('annotations', 'old-name-2.yaml'));
  });

  it('is another when the name is taken with the other YAML extension, or is the registry', async () => {
    assert.equal(await newFile('articles/by-name-yml.md'), path.join('annotations', 'by-name-yml-2.yaml'));
    assert.equal(await annotationFileOf('articles/entities.txt'), undefined);
    assert.equal(await newFile('articles/entities.txt'), path.join('annotations', 'entities-2.yaml'));
  });

  it('counts on past the names taken', async () => {
    const taken = new Set([path.join(annotations, 'budget.yaml'), path.join(annotations, 'budget-2.yml')]);
    const host = { stat: async (file: string) => (taken.has(file) ? ('file' as const) : undefined) };
    assert.equal(await newAnnotationFilePath(host, annotations, inProject('2025/budget.txt')), path.join(annotations, 'budget-3.yaml'));
  });
});
