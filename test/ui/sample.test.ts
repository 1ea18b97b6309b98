// What a new user sees on opening the sample: an entity card on hover, the deliberate warnings in the
// Problems panel, the Outline view and the Editorial Annotations view. The expected texts come from
// the sample's own YAML, so the checks follow it. The screenshots are the README's (npm run screenshots).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parse } from 'yaml';
import { workbench } from './workbench';

const DRAFT = 'articles/putin-witkoff-talks.txt';
// The deliberate draft warnings of the sample, by their stable codes (its YAML's header lists them).
const DRAFT_CODES = ['unattributed-claim', 'attribution-not-in-text', 'unannotated-quote', 'vague-attribution', 'loaded-attribution-verb'];
// Wide enough for an entity's name and kind, or most of a problem's message, on one row.
const SIDE_BAR_WIDTH = 440;

interface SampleEntity {
  name: string;
  type: string;
  description?: string;
}

interface SampleClaim {
  id?: string;
  text: string;
  type: string;
}

interface Sample {
  entities: Record<string, SampleEntity>;
  claims: SampleClaim[];
}

function sample(): Sample {
  return parse(fs.readFileSync(workbench().samplePath('annotations/putin-witkoff-talks.yaml'), 'utf8')) as Sample;
}

/** Typographic quotes as straight ones: the YAML may quote the draft's words with either. */
function plain(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

/** The texts of `wanted` that no row shows. */
function missingFrom(rows: string[], wanted: string[]): string[] {
  return wanted.filter((text) => !rows.some((row) => plain(row).includes(plain(text))));
}

describe('the sample article', () => {
  before(async () => {
    await workbench().openFile(DRAFT);
    await workbench().resizeSideBar(SIDE_BAR_WIDTH);
    // The side bar shows the extension's view rather than the repository's files in every screenshot.
    await workbench().section('Explorer', false);
    await workbench().section('Editorial Annotations');
  });

  it('shows the entity card, and the card of the claim around the name, when hovering a name', async () => {
    const { entities, claims } = sample();
    const putin = entities.putin;
    const hover = await workbench().hover(putin.name);
    await workbench().screenshot('hover-entity');
    await workbench().page.keyboard.press('Escape');
    assert.ok(hover.includes(putin.name), `hover shows the name; it shows:\n${hover}`);
    if (putin.description) assert.ok(hover.includes(putin.description), `hover shows the description; it shows:\n${hover}`);
    // The first mention of the name lies inside the first claim that quotes it: both cards show.
    const around = claims.find((claim) => claim.text.includes(putin.name));
    assert.ok(around?.id, `the sample has a claim with an id around "${putin.name}"`);
    assert.ok(hover.includes(around.id), `hover shows the claim ${around.id}; it shows:\n${hover}`);
  });

  it('heads the claim card with its kind, status and id, and the entity card with a count in words', async () => {
    await workbench().hover('Yaroslav Moskalik');
    // The whole hover: the problem under the caret comes first, then the cards.
    const whole = workbench().page.locator('.monaco-hover').filter({ visible: true }).filter({ hasText: 'moskalik-killed' }).first();
    await whole.waitFor({ timeout: 5_000 });
    const hover = await whole.innerText();
    await workbench().page.keyboard.press('Escape');
    assert.match(hover, /^Fact · Unverified · moskalik-killed$/m, `the hover shows:\n${hover}`);
    assert.match(hover, /^2 mentions · source of no claims$/m, `the hover shows:\n${hover}`);
    assert.doesNotMatch(hover, / {2}/, `no double space; the hover shows:\n${JSON.stringify(hover)}`);
  });

  for (const code of ['unattributed-claim', 'vague-attribution', 'loaded-attribution-verb']) {
    it(`shows the sample's ${code} warning in the Problems panel`, async () => {
      const rows = await workbench().problems(code);
      assert.ok(rows.some((row) => row.includes(code)), `the rows are:\n${rows.join('\n')}`);
    });
  }

  it('lists every kind of deliberate draft warning in the Problems panel', async () => {
    await workbench().allProblems([]);
    // Room for every row, with the first lines of the draft and their squiggles above.
    await workbench().resizePanel(360);
    const rows = await workbench().allProblems(DRAFT_CODES);
    await workbench().screenshot('problems');
    await workbench().closePanel();
    assert.deepEqual(missingFrom(rows, DRAFT_CODES), [], `the rows are:\n${rows.join('\n')}`);
  });

  it('lists entities, claims by type and problems in the Editorial Annotations view', async () => {
    const { entities, claims } = sample();
    await workbench().section('Outline', false);
    const view = await workbench().section('Editorial Annotations');

    await workbench().expandRow(view, 'Entities', false);
    await workbench().expandRow(view, 'Claims', false);
    await workbench().expandRow(view, 'Problems', false);
    const roots = await workbench().rowsOf(view);
    assert.deepEqual(roots.slice(0, 2), [`Entities ${Object.keys(entities).length}`, `Claims ${claims.length}`]);
    assert.match(roots[2] ?? '', /^Problems \d+$/);

    await workbench().expandRow(view, 'Entities');
    const putin = entities.putin;
    await workbench().row(view, putin.name).waitFor();
    const entityRows = await workbench().rowsOf(view);
    assert.ok(entityRows.some((row) => row.startsWith(`${putin.name} ${putin.type}`)), `the rows are:\n${entityRows.join('\n')}`);
    await workbench().expandRow(view, 'Entities', false);

    // The view as the screenshot shows it: the quotations, and the problems to work down.
    // Every other kind of claim closed (the small groups open expanded), so that the problems are in view.
    await workbench().expandRow(view, 'Claims');
    await workbench().row(view, 'Direct quote').waitFor(); // the kinds are drawn a moment after
    // Only the kinds in view are drawn: closing some brings the next ones into view.
    for (let pass = 0; pass < 5; pass++) {
      const open = (await workbench().expandedRows(view, 2)).filter((kind) => kind !== 'Direct quote');
      if (open.length === 0) break;
      for (const kind of open) await workbench().expandRow(view, kind, false);
    }
    await workbench().expandRow(view, 'Direct quote');
    await workbench().expandRow(view, 'Problems');
    // The rows of a group are drawn a moment after it shows as expanded.
    await view.locator('.monaco-list-row', { hasText: DRAFT_CODES[0] }).first().waitFor();
    const rows = await workbench().rowsOf(view);
    const quotes = claims.filter((claim) => claim.type === 'direct-quote').map((claim) => claim.text.slice(0, 15));
    assert.deepEqual(missingFrom(rows, quotes), [], `the rows are:\n${rows.join('\n')}`);
    assert.deepEqual(missingFrom(rows, DRAFT_CODES), [], `the rows are:\n${rows.join('\n')}`);

    // A click on a problem selects the words it is about.
    await view.locator('.monaco-list-row', { hasText: 'unattributed-claim' }).first().click();
    await workbench().page.locator('.statusbar-item', { hasText: /\(\d+ selected\)/ }).waitFor();
    await workbench().screenshot('tree-view');
  });

  it('groups the claims by source with the button in the view\'s title bar, and back by type', async () => {
    const view = await workbench().section('Editorial Annotations');
    await workbench().expandRow(view, 'Entities', false);
    await workbench().expandRow(view, 'Problems', false);
    await workbench().expandRow(view, 'Claims');
    // The title bar shows a view's buttons while the pointer is over it.
    const button = async (title: string): Promise<void> => {
      await view.locator('.pane-header').hover();
      await view.locator(`.pane-header .action-label[aria-label="${title}"]`).click();
    };
    await button('Group Claims by Source');
    await workbench().row(view, 'Kremlin').waitFor();
    const rows = await workbench().rowsOf(view);
    const firstSource = rows[rows.findIndex((row) => row.startsWith('Claims ')) + 1];
    assert.equal(firstSource, 'Kremlin organization · 1 claim', `the first source first; the rows are:\n${rows.join('\n')}`);
    // A row reads "label description": a kind's group is "Direct quote 5".
    assert.ok(!rows.some((row) => row.startsWith('Direct quote ')), `no type groups; the rows are:\n${rows.join('\n')}`);
    await button('Group Claims by Type');
    // The list keeps its scroll position (the last check scrolled it to a problem): back to its top.
    await workbench().scrollToTop(view);
    await workbench()
      .row(view, 'Direct quote')
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nthe rows are:\n${(await workbench().rowsOf(view)).join('\n')}`);
      });
    assert.equal(await workbench().row(view, 'Kremlin').count(), 0);
  });

  it('outlines the claims in reading order, then the entities, in the Outline view', async () => {
    const { entities, claims } = sample();
    await workbench().section('Editorial Annotations', false);
    const outline = await workbench().section('Outline');
    await workbench().expandRow(outline, 'Claims');
    const firstClaim = claims[0].text.slice(0, 20);
    await outline.locator('.monaco-list-row', { hasText: firstClaim }).first().waitFor();
    const rows = await workbench().rowsOf(outline);
    assert.equal(rows[0], `Claims ${claims.length}`);
    assert.ok(rows[1]?.includes(firstClaim), `the first claim comes first; the rows are:\n${rows.join('\n')}`);
    await workbench().screenshot('outline');

    await workbench().expandRow(outline, 'Claims', false);
    await workbench().expandRow(outline, 'Entities');
    const entityRows = await workbench().rowsOf(outline);
    assert.equal(entityRows[1], `Entities ${Object.keys(entities).length}`);
    assert.ok(entityRows.some((row) => row.startsWith(entities.putin.name)), `the rows are:\n${entityRows.join('\n')}`);
  });
});
