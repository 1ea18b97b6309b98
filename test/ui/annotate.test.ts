// Working the sample's warnings down as an editor does, with the mouse and the pickers only: a
// quotation nobody annotated becomes a claim in two picks (its kind, then who said it), and an
// unattributed claim gets its source through the "Attribute to…" quick fix, or through the view's
// "Attribute to…" action and a new entity. The extension saves an
// annotation file it edits when that file had no unsaved changes, so these checks change the sample (the
// runner's copy) on disk: each puts back the bytes of the files it may change and reverts their editors,
// whatever happened, so that the next check starts from the sample as it ships.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { workbench } from './workbench';

const DRAFT = 'articles/putin-witkoff-talks.txt';
const ANNOTATIONS = 'annotations/putin-witkoff-talks.yaml';
// Filtered by a file's name, the Problems panel lists all of that file's problems.
const DRAFT_NAME = path.basename(DRAFT);
// The sample's deliberate unannotated quotation, and one of its deliberately unattributed claims.
const QUOTE = 'most of the major points are agreed to';
const UNATTRIBUTED = 'has made statements that have angered Kyiv';
const UNATTRIBUTED_FACT = 'a top Russian general, Yaroslav Moskalik, was killed';

function read(file: string): string {
  return fs.readFileSync(workbench().samplePath(file), 'utf8');
}

/** The sample's entity id for a name, from its YAML. */
function entityId(name: string): string {
  const entities = (parse(read(ANNOTATIONS)) as { entities: Record<string, { name: string }> }).entities;
  const id = Object.keys(entities).find((key) => entities[key].name === name);
  assert.ok(id, `the sample has an entity named ${name}`);
  return id;
}

/** Where the Problems panel places a finding that starts at the first `text` of the draft: "Ln 3, Col 191". */
function problemAt(text: string): string {
  const draft = read(DRAFT);
  const offset = draft.indexOf(text);
  assert.notEqual(offset, -1, `the draft has "${text}"`);
  const lineStart = draft.lastIndexOf('\n', offset - 1) + 1;
  return `Ln ${draft.slice(0, offset).split('\n').length}, Col ${offset - lineStart + 1}`;
}

/**
 * The YAML list item, as the editor shows it, that has a line including `text`: from its "- " line to
 * the last line indented under it.
 */
function itemAround(lines: string[], text: string): string[] {
  const at = lines.findIndex((line) => line.includes(text));
  assert.notEqual(at, -1, `a line shows "${text}"; the lines in view are:\n${lines.join('\n')}`);
  let start = at;
  while (start > 0 && !/^\s*- /.test(lines[start])) start--;
  const indent = lines[start].search(/\S/);
  let end = start + 1;
  while (end < lines.length && lines[end].search(/\S/) > indent) end++;
  return lines.slice(start, end).map((line) => line.trim());
}

/** Opens the draft and waits for its analysis: the status bar counts its unattributed claims. */
async function openDraft(): Promise<void> {
  await workbench().openFile(DRAFT);
  await workbench().page.locator('.statusbar-item', { hasText: /\d+ unattributed|all attributed/ }).waitFor();
}

/** Opens the annotation file and returns its list item around `text`, as its editor shows it. */
async function annotationItem(text: string): Promise<string[]> {
  await workbench().openFile(ANNOTATIONS);
  await workbench().reveal(text);
  return itemAround(await workbench().visibleLines(), text);
}

/**
 * Waits for the annotation file on disk to change from `before` to a text with `text`: the extension
 * saves an annotation file it edited that had no unsaved changes. Polled, as nothing in the page says so.
 */
async function savedWith(before: Buffer, text: string): Promise<void> {
  const file = workbench().samplePath(ANNOTATIONS);
  const deadline = Date.now() + 10_000;
  while (fs.readFileSync(file).equals(before) || !read(ANNOTATIONS).includes(text)) {
    if (Date.now() > deadline) assert.fail(`${ANNOTATIONS} was not saved with "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Puts the files back as they were, byte for byte, and reverts and closes their editors (a revert reads
 * the file from disk) scrolled to the top, so the next checks and the repository see the sample unchanged.
 */
async function putBack(original: Map<string, Buffer>): Promise<void> {
  await workbench().dismiss();
  for (const [file, bytes] of original) {
    const at = workbench().samplePath(file);
    if (!fs.readFileSync(at).equals(bytes)) fs.writeFileSync(at, bytes);
  }
  // Every editor is put back even when one can't be: a draft left scrolled down fails the next checks.
  const errors: unknown[] = [];
  for (const file of original.keys()) {
    try {
      await workbench().openFile(file);
      // A file opened again shows where it was left: at its top, as the sample's checks expect.
      await workbench().page.keyboard.press('Control+Home');
      await workbench().runCommand('View: Revert and Close Editor');
    } catch (error) {
      errors.push(error);
      await workbench().dismiss();
    }
  }
  for (const [file, bytes] of original) assert.ok(fs.readFileSync(workbench().samplePath(file)).equals(bytes), `${file} is back as it was`);
  if (errors.length > 0) throw errors[0];
}

describe('annotating the sample draft', () => {
  let original: Map<string, Buffer>;

  beforeEach(() => {
    original = new Map([ANNOTATIONS, DRAFT].map((file) => [file, fs.readFileSync(workbench().samplePath(file))]));
  });

  afterEach(async function () {
    // What the workbench showed when a check failed, before the clean-up changes it.
    if (this.currentTest?.state === 'failed') await workbench().screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
    await putBack(original);
  });

  after(async () => {
    // The Problems list keeps the row it focused last: back to the first problem, which a new window
    // focuses (the draft open, or its problems are not listed), and the panel and the draft closed, for
    // the sample's checks and screenshots.
    await openDraft();
    const rows = await workbench().problemRows('');
    // The list draws only the rows in view: scrolled down by a test (the row it focused last), the
    // annotation file's row at the top would never be drawn to wait for.
    await workbench().page.locator('.markers-panel .monaco-list').hover();
    await workbench().page.mouse.wheel(0, -10_000);
    await rows.filter({ hasText: path.basename(ANNOTATIONS) }).first().waitFor(); // the filter applies after a delay
    await workbench().page.keyboard.press('Control+ArrowDown');
    await workbench().page.keyboard.press('Home');
    await workbench().page.keyboard.press('ArrowDown');
    await workbench().closePanel();
    await workbench().runCommand('View: Close Editor');
  });

  it('annotates an unannotated quotation as a direct quote in two picks: its kind, then who said it', async () => {
    const trump = entityId('Donald Trump');
    // The warning covers the quotation marks.
    const at = problemAt(`"${QUOTE}"`);
    await openDraft();
    await (await workbench().problemRows(DRAFT_NAME)).filter({ hasText: 'unannotated-quote' }).filter({ hasText: at }).waitFor();

    await workbench().select(QUOTE);
    await workbench().contextMenu(QUOTE, 'Annotate Selection as Claim…');
    await workbench().pick('as a claim: what kind?', 'Direct quote');
    await workbench().page.locator('.quick-input-widget .quick-input-title', { hasText: 'Who makes this claim?' }).waitFor();
    // The screenshot shows whom the editor is about to pick.
    await workbench().highlight('Donald Trump');
    await workbench().screenshot('annotate-quote');
    await workbench().pick('Who makes this claim?', 'Donald Trump');

    await workbench().problemGone(DRAFT_NAME, at);
    const item = await annotationItem(`text: ${QUOTE}`);
    assert.ok(item.includes('type: direct-quote'), `the new claim is a direct quote; it reads:\n${item.join('\n')}`);
    assert.ok(item.includes(`source: ${trump}`), `the new claim's source is ${trump}; it reads:\n${item.join('\n')}`);
    await savedWith(original.get(ANNOTATIONS)!, QUOTE);
  });

  it('attributes an unattributed claim through the "Attribute to…" quick fix and its picker', async () => {
    const witkoff = entityId('Steve Witkoff');
    const at = problemAt(UNATTRIBUTED);
    await openDraft();
    await (await workbench().problemRows(DRAFT_NAME)).filter({ hasText: 'unattributed-claim' }).filter({ hasText: at }).waitFor();

    // The words are below the fold with the panel open: find them, then a click puts the cursor in them.
    await workbench().reveal(UNATTRIBUTED);
    await workbench().clickOn(UNATTRIBUTED);
    await workbench().quickFix('Attribute to…');
    await workbench().pick('Attribute the claim to…', 'Steve Witkoff');

    await workbench().problemGone(DRAFT_NAME, at);
    const item = await annotationItem(`text: ${UNATTRIBUTED}`);
    assert.ok(item.includes(`source: ${witkoff}`), `the claim's source is ${witkoff}; it reads:\n${item.join('\n')}`);
    await savedWith(original.get(ANNOTATIONS)!, `source: ${witkoff}`);
  });

  it('writes nothing when the annotation file changes while the "Attribute to…" picker is open, and says so', async () => {
    const at = problemAt(UNATTRIBUTED);
    await openDraft();
    await (await workbench().problemRows(DRAFT_NAME)).filter({ hasText: 'unattributed-claim' }).filter({ hasText: at }).waitFor();
    await workbench().page.locator('.statusbar-item', { hasText: '2 unattributed' }).waitFor();
    await workbench().reveal(UNATTRIBUTED);
    await workbench().clickOn(UNATTRIBUTED);
    await workbench().quickFix('Attribute to…');
    await workbench().page.locator('.quick-input-widget .quick-input-title', { hasText: 'Attribute the claim to…' }).waitFor();

    // While the editor chooses, the file changes on disk (a colleague's edit synced, a checkout): the
    // other unattributed claim gets a basis, a line above the one being attributed.
    const before = read(ANNOTATIONS);
    const changed = before.replace(`text: ${UNATTRIBUTED_FACT} in a car bombing outside Moscow\n    type: fact\n`, '$&    basis: public-record\n');
    assert.notEqual(changed, before, 'the sample has the claim the check changes');
    fs.writeFileSync(workbench().samplePath(ANNOTATIONS), changed);
    // The extension has read the new file when one unattributed claim is left.
    await workbench().page.locator('.statusbar-item', { hasText: '1 unattributed' }).waitFor();
    await workbench().pick('Attribute the claim to…', 'Steve Witkoff');

    await workbench().page.locator('.notification-toast', { hasText: 'changed while you were choosing' }).waitFor();
    assert.equal(read(ANNOTATIONS), changed, 'the annotation file is as it was changed, with no source written into it');
    await workbench().runCommand('Notifications: Clear All Notifications');
  });

  it('attributes an unattributed claim to a new entity from the view\'s "Attribute to…" action', async () => {
    const at = problemAt(UNATTRIBUTED_FACT);
    await openDraft();
    await (await workbench().problemRows(DRAFT_NAME)).filter({ hasText: 'unattributed-claim' }).filter({ hasText: at }).waitFor();
    await workbench().closePanel();

    // The side bar's room for the view, as the sample's checks make it: the folder's files and the
    // Outline closed, and the groups around the claims closed before the claims open.
    await workbench().section('Explorer', false);
    await workbench().section('Outline', false);
    const view = await workbench().section('Editorial Annotations');
    await workbench().expandRow(view, 'Entities', false);
    await workbench().expandRow(view, 'Claims', false);
    await workbench().expandRow(view, 'Problems', false);
    await workbench().expandRow(view, 'Claims');
    await workbench().expandRow(view, 'Direct quote', false);
    await workbench().expandRow(view, 'Paraphrase', false);
    await workbench().expandRow(view, 'Fact');
    // The row's label is the claim's words, cut short.
    await workbench().rowContextMenu(view.locator('.monaco-list-row', { hasText: 'Yaroslav Moskalik' }).first(), 'Attribute to…');
    await workbench().page.locator('.quick-input-widget .quick-input-title', { hasText: 'Attribute the claim to…' }).waitFor();
    // Last in a long list, the choice shows once the list is filtered.
    const input = workbench().page.locator('.quick-input-widget input');
    await input.fill('New entity');
    await workbench().page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'New entity…' }).click();
    await workbench().page.locator('.quick-input-widget .quick-input-title', { hasText: /^New entity$/ }).waitFor();
    await input.fill('Russian Investigative Committee');
    await input.press('Enter');
    await workbench().pick('What is Russian Investigative Committee?', 'organization');

    // The draft does not name the new source yet: the problem there is now that, no longer the missing source.
    await (await workbench().problemRows(DRAFT_NAME)).filter({ hasText: 'attribution-not-in-text' }).filter({ hasText: at }).filter({ hasText: 'Russian Investigative Committee' }).waitFor();
    await workbench().page.locator('.statusbar-item', { hasText: '1 unattributed' }).waitFor();
    await savedWith(original.get(ANNOTATIONS)!, 'source: russian-investigative-committee');
    const yaml = parse(read(ANNOTATIONS)) as { entities: Record<string, unknown>; claims: { id: string; source?: unknown }[] };
    assert.deepEqual(yaml.entities['russian-investigative-committee'], { name: 'Russian Investigative Committee', type: 'organization' });
    assert.equal(yaml.claims.find((claim) => claim.id === 'moskalik-killed')?.source, 'russian-investigative-committee');
  });
});
