// What a person does in the workbench, as Playwright steps: open a file, hover a word, read the
// Problems panel, take a screenshot. Each step waits for what it changes to appear.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Runs in the page: where the first occurrence of its argument in the active editor's rendered lines
 * starts, sits and ends (just inside its first character, the centre of its middle one, just inside
 * its last), or null. The lines are read in the order they are shown, so the words may run over a
 * wrapped line's parts. It measures the rendered text rather than picking a span because the
 * decorations an extension adds split a line into spans anywhere. Kept as source text because the
 * project compiles without the DOM library.
 */
const SPAN_IN_ACTIVE_EDITOR = `(wanted) => {
  const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')]
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  const nodes = [];
  for (const line of lines) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  }
  const at = nodes.map((node) => node.data).join('').indexOf(wanted);
  if (at === -1) return null;
  const box = (offset) => {
    for (const node of nodes) {
      if (offset < node.data.length) {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      }
      offset -= node.data.length;
    }
  };
  const first = box(at);
  const middle = box(at + Math.floor(wanted.length / 2));
  const last = box(at + wanted.length - 1);
  return {
    start: { x: first.left + 1, y: first.top + first.height / 2 },
    middle: { x: middle.left + middle.width / 2, y: middle.top + middle.height / 2 },
    end: { x: last.right - 1, y: last.top + last.height / 2 },
  };
}`;

interface Point {
  x: number;
  y: number;
}

interface Span {
  start: Point;
  middle: Point;
  end: Point;
}

/** Runs in the page: the active editor's rendered lines, top to bottom, spaces as spaces. */
const LINES_OF_ACTIVE_EDITOR = `() => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')]
  .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
  .map((line) => line.textContent.replace(/\u00a0/g, ' '))`;

/**
 * Runs in the page: resolves once the side bar's section headers have kept their places for three
 * frames running (or after about five seconds of frames, not to wait for ever).
 */
const SECTIONS_SETTLED = `() => new Promise((resolve) => {
  const places = () => [...document.querySelectorAll('.part.sidebar .pane-header')].map((header) => header.getBoundingClientRect().top).join();
  let last = places();
  let still = 0;
  let frames = 0;
  const look = () => {
    const now = places();
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= 3 || ++frames > 300) resolve(undefined);
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})`;

/**
 * Runs in the page: whether the Problems panel is filtered by `filter` and lists at least one problem
 * (a row with its "[Ln 3, Col 191]"), and none whose row includes `gone`.
 */
const PROBLEMS_WITHOUT = `(filter, gone) => {
  const box = document.querySelector('.viewpane-filter input[aria-label="Filter Problems"]');
  if (!box || box.value !== filter) return false;
  const problems = [...document.querySelectorAll('.markers-panel .monaco-list-row')]
    .map((row) => row.textContent)
    .filter((text) => /\[Ln \d+, Col \d+\]/.test(text));
  return problems.length > 0 && !problems.some((text) => text.includes(gone));
}`;

/** `text` as a literal for a page function, as Monaco renders it: spaces as no-break spaces. */
function inPage(text: string): string {
  return JSON.stringify(text.replace(/ /g, '\u00a0'));
}

/** A pattern that matches exactly `text`. */
function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export class Workbench {
  constructor(
    readonly page: Page,
    /** The folder the workbench has open (a copy of the sample). */
    readonly sampleRoot: string,
    private readonly screenshotsDir: string,
  ) {
    // Shorter than a test's mocha timeout, so a step that waits in vain names what it waited for.
    page.setDefaultTimeout(20_000);
  }

  /** A file of the open sample, by its path in the workspace. */
  samplePath(relativePath: string): string {
    return path.join(this.sampleRoot, relativePath);
  }

  /** Resolves once the workbench has opened the folder. */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Opens a file with Quick Open, as a person who knows its name would. */
  async openFile(relativePath: string): Promise<Locator> {
    const name = path.basename(relativePath);
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relativePath);
    // Quick Open searches as one types; wait for the file to be the first pick before accepting it. The
    // recently opened files show before the search has run: the file may be among them, not first.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
    await input.press('Enter');
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    await this.page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
    await editor.locator('.view-line').first().waitFor();
    return editor;
  }

  /**
   * Puts the caret on the first visible occurrence of `text` in the active editor, asks for its hover
   * (Show or Focus Hover, Ctrl+K Ctrl+I) and returns the hover's text. Not by resting the mouse on it:
   * in headless Chromium the editor ignores the mouse for hovers in about one run in three.
   */
  async hover(text: string): Promise<string> {
    await this.clickOn(text);
    // The workbench keeps hidden hover widgets of other kinds around: only a visible one counts.
    const hover = this.page
      .locator('.monaco-hover .monaco-hover-content')
      .filter({ visible: true })
      .filter({ hasNotText: 'Loading...' }) // shown while the providers compute
      .first();
    // Asked before the extension has activated, the hover stays empty; the workbench has no event for
    // "hover provider registered", so ask again, as a person would, until a deadline.
    const deadline = Date.now() + 20_000;
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ timeout: Math.min(250 * 2 ** attempt, 4_000) });
        return await hover.innerText();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Clicks the middle of the first visible occurrence of `text` in the active editor: the caret goes there. */
  async clickOn(text: string): Promise<void> {
    const { middle } = await this.spanOf(text);
    await this.page.mouse.click(middle.x, middle.y);
  }

  /**
   * Selects the first visible occurrence of `text` in the active editor with the mouse (a click before
   * its first character, a Shift+click after its last) and waits for the status bar to count it.
   */
  async select(text: string): Promise<void> {
    const { start, end } = await this.spanOf(text);
    await this.page.mouse.click(start.x, start.y);
    await this.page.keyboard.down('Shift');
    try {
      await this.page.mouse.click(end.x, end.y);
    } finally {
      await this.page.keyboard.up('Shift');
    }
    await this.page.locator('.statusbar-item', { hasText: `(${text.length} selected)` }).waitFor();
  }

  /** Right-clicks the middle of `text` in the active editor and clicks the context menu's `item`. */
  async contextMenu(text: string, item: string): Promise<void> {
    const { middle } = await this.spanOf(text);
    await this.page.mouse.click(middle.x, middle.y, { button: 'right' });
    await this.chooseFromMenu(item);
  }

  /** Right-clicks a row of a tree (see row()) and clicks the context menu's `item`. */
  async rowContextMenu(row: Locator, item: string): Promise<void> {
    await row.click({ button: 'right' });
    await this.chooseFromMenu(item);
  }

  /** Clicks the `item` of the context menu just opened. */
  private async chooseFromMenu(item: string): Promise<void> {
    const menu = this.page.locator('.monaco-menu').filter({ visible: true });
    const entry = menu.locator('.action-label', { hasText: exactly(item) });
    // A menu ignores releases of the mouse for its first 100 ms, so that the right-click's own does not
    // pick an item; a click that quick is lost. Click again until the menu closes, as a person would.
    const deadline = Date.now() + 10_000;
    for (;;) {
      await entry.click();
      try {
        await menu.waitFor({ state: 'hidden', timeout: 500 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  /** Runs a command from the Command Palette (F1) by its title as listed there ("View: Close Editor"). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.quickPickRow(title).click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The row of the open quick pick whose label (not its description or detail) is exactly `label`. */
  quickPickRow(label: string): Locator {
    // A row has two parts, the label's and the detail's, and each has a `.label-name`.
    const name = this.page.locator('.quick-input-list-rows > .quick-input-list-row:first-child .label-name', { hasText: exactly(label) });
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { has: name }).first();
  }

  /** Moves the open quick pick's highlight down to the row labelled `label`, as the arrow keys do. */
  async highlight(label: string): Promise<void> {
    const row = this.quickPickRow(label);
    await row.waitFor();
    const rows = await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').count();
    for (let presses = 0; presses <= rows && !(await row.evaluate((element) => element.classList.contains('focused'))); presses++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.quickPickRow(label).and(this.page.locator('.focused')).waitFor();
  }

  /** Waits for a quick pick whose title includes `title`, then picks its row labelled `label` with the mouse. */
  async pick(title: string, label: string): Promise<void> {
    await this.page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
    await this.quickPickRow(label).click();
  }

  /**
   * Opens the quick fix menu at the caret (Ctrl+.) and chooses the action titled exactly `title`. Asked
   * while the editor has, for a moment, none of the draft's problems (just after the draft opens, while
   * it is analysed again), the editor answers "No code actions available": ask again, as a person
   * would, until a deadline.
   */
  async quickFix(title: string): Promise<void> {
    const menu = this.page.locator('.action-widget').filter({ visible: true });
    const none = this.page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' }).filter({ visible: true });
    const deadline = Date.now() + 10_000;
    for (;;) {
      await this.page.keyboard.press('Control+.');
      await menu.or(none).first().waitFor();
      if (await menu.isVisible()) break;
      if (Date.now() > deadline) throw new Error(`no quick fix at the caret: the editor says "No code actions available"`);
      await this.page.keyboard.press('Escape');
      await none.waitFor({ state: 'hidden' });
    }
    const action = menu.locator('.monaco-list-row', { hasText: exactly(title) });
    await action.waitFor();
    // The menu opens under a sheet that takes the first mouse event (so that a pointer already there
    // picks nothing) and goes when the pointer moves: move onto the action, then click it.
    const box = await action.boundingBox();
    if (box) await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await action.click();
  }

  /** Closes whatever quick pick, menu or quick fix menu is open, as Escape does. */
  async dismiss(): Promise<void> {
    const open = this.page.locator('.quick-input-widget, .monaco-menu, .action-widget').filter({ visible: true });
    for (let presses = 0; presses < 3 && (await open.count()) > 0; presses++) await this.page.keyboard.press('Escape');
  }

  /**
   * Finds `text` in the active editor with the Find widget (Ctrl+F), which scrolls it into view, and
   * closes the widget once it shows.
   */
  async reveal(text: string): Promise<void> {
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator('.editor-group-container.active .find-widget textarea[aria-label="Find"]');
    await input.waitFor();
    await input.fill(text);
    await this.page.waitForFunction(`(${SPAN_IN_ACTIVE_EDITOR})(${inPage(text)}) !== null`);
    await this.page.keyboard.press('Escape');
  }

  /** The active editor's lines in view, top to bottom, as their text. */
  async visibleLines(): Promise<string[]> {
    return (await this.page.evaluate(`(${LINES_OF_ACTIVE_EDITOR})()`)) as string[];
  }

  private async spanOf(text: string): Promise<Span> {
    const span = (await this.page.evaluate(`(${SPAN_IN_ACTIVE_EDITOR})(${inPage(text)})`)) as Span | null;
    if (!span) throw new Error(`"${text}" is not visible in the active editor`);
    return span;
  }

  /**
   * Opens the Problems panel filtered by `filter` (a finding code, say), waits for a matching row and
   * returns the visible rows' text. Filtering matters: the list renders only the rows in view.
   */
  async problems(filter: string): Promise<string[]> {
    const rows = await this.problemRows(filter);
    await rows.filter({ hasText: filter }).first().waitFor();
    return rows.allInnerTexts();
  }

  /**
   * Opens the Problems panel filtered by `filter` and returns its rows, without waiting for any: for
   * a step that waits for a row to come or to go. A row reads "message source(code) [Ln 3, Col 191]".
   */
  async problemRows(filter: string): Promise<Locator> {
    const filterBox = this.page.locator('.viewpane-filter input[aria-label="Filter Problems"]');
    // The shortcut toggles the panel: press it only when the panel is closed.
    if (!(await filterBox.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await filterBox.fill(filter);
    return this.page.locator('.markers-panel .monaco-list-row');
  }

  /**
   * Waits until the Problems panel, filtered by `filter`, lists problems and none whose row includes
   * `gone`, both seen at once: a draft's problems can be missing for a moment while it is analysed
   * again, and a list emptied that way would prove nothing.
   */
  async problemGone(filter: string, gone: string): Promise<void> {
    await this.problemRows(filter);
    await this.page.waitForFunction(`(${PROBLEMS_WITHOUT})(${JSON.stringify(filter)}, ${JSON.stringify(gone)})`);
  }

  /**
   * Empties the Problems panel's filter and returns the rows then in view, once a row shows each of
   * `expected` or a few seconds have passed: the filter applies after a delay, with no event for it.
   */
  async allProblems(expected: string[]): Promise<string[]> {
    const rows = await this.problemRows('');
    await Promise.all(expected.map((text) => rows.filter({ hasText: text }).first().waitFor({ timeout: 5_000 }).catch(() => undefined)));
    return rows.allInnerTexts();
  }

  /** Hides the panel (Problems, Output...), as View: Toggle Panel Visibility does. */
  async closePanel(): Promise<void> {
    const panel = this.page.locator('.part.panel');
    if (!(await panel.isVisible())) return;
    await this.page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden' });
  }

  /** Drags the side bar's edge so that it is `width` pixels wide: tree rows are long. */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('the side bar is not shown');
    await this.drag({ x: box.x + box.width, y: box.y + box.height / 2 }, { x: box.x + width, y: box.y + box.height / 2 });
  }

  /** Drags the panel's top edge so that the panel is `height` pixels high. */
  async resizePanel(height: number): Promise<void> {
    const box = await this.page.locator('.part.panel').boundingBox();
    if (!box) throw new Error('the panel is not shown');
    await this.drag({ x: box.x + box.width / 2, y: box.y }, { x: box.x + box.width / 2, y: box.y + box.height - height });
  }

  private async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 10 });
    await this.page.mouse.up();
  }

  /**
   * Expands or collapses a section of the Explorer by its title ("Outline", "Editorial Annotations";
   * "Explorer" is the folder's) and returns it. A section that is not there yet (a view shown only
   * for some editors) is waited for.
   */
  async section(title: string, expanded = true): Promise<Locator> {
    const header = this.page.locator(`.pane-header[aria-label^="${title} Section"]`);
    await header.waitFor();
    // Sections slide into place after one is expanded or collapsed; a click on a header still sliding
    // scrolls the whole workbench a few pixels to bring it into view, and every later screenshot with it.
    await this.page.evaluate(`(${SECTIONS_SETTLED})()`);
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await this.page.locator(`.pane-header[aria-label^="${title} Section"][aria-expanded="${expanded}"]`).waitFor();
    await this.page.evaluate(`(${SECTIONS_SETTLED})()`);
    return this.page.locator('.pane', { has: header });
  }

  /** The row of a tree whose label is exactly `label`. */
  row(tree: Locator, label: string): Locator {
    return tree.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly(label) }) }).first();
  }

  /** Expands or collapses a row of a tree with its twistie, as a click on the label may run a command. */
  async expandRow(tree: Locator, label: string, expanded = true): Promise<void> {
    const row = this.row(tree, label);
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== String(expanded)) await row.locator('.monaco-tl-twistie').click();
    await this.row(tree, label).and(this.page.locator(`[aria-expanded="${expanded}"]`)).waitFor();
  }

  /** Scrolls a tree to its first row, as Home does in a focused list. */
  async scrollToTop(tree: Locator): Promise<void> {
    await tree.locator('.monaco-list').first().focus();
    await this.page.keyboard.press('Home');
  }

  /** The labels of the expanded rows of a tree at `level` (1: its roots) that are in view. */
  async expandedRows(tree: Locator, level: number): Promise<string[]> {
    const rows = tree.locator(`.monaco-list-row[aria-level="${level}"][aria-expanded="true"] .label-name`);
    return (await rows.allTextContents()).map((label) => label.trim());
  }

  /** The rows of a tree in view, each as "label description" (the description is the grey text). */
  async rowsOf(tree: Locator): Promise<string[]> {
    return tree.locator('.monaco-list-row').evaluateAll((rows) =>
      rows.map((row) =>
        [row.querySelector('.label-name'), row.querySelector('.label-description')]
          .map((part) => part?.textContent?.trim() ?? '')
          .filter((text) => text !== '')
          .join(' '),
      ),
    );
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.screenshotsDir, { recursive: true });
    const file = path.join(this.screenshotsDir, `${name}.png`);
    // Finished animations: a hover caught fading in is half transparent.
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }
}

let current: Workbench | undefined;

export function setWorkbench(workbench: Workbench | undefined): void {
  current = workbench;
}

/** The workbench the UI suites drive; set by test/ui/index.ts before they run. */
export function workbench(): Workbench {
  if (!current) throw new Error('The UI tests run only through `node scripts/run-vscode-tests.mjs --ui`');
  return current;
}
