// What a person does in the workbench, as Playwright steps: open a file, hover a word, read the
// Problems panel, take a screenshot. Each step waits for what it changes to appear.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Runs in the page: the centre of the middle character of the first occurrence of its argument in
 * the active editor's rendered lines, or null. It measures the rendered text rather than picking a
 * span because the decorations an extension adds split a line into spans anywhere. Kept as source
 * text because the project compiles without the DOM library.
 */
const POINT_IN_ACTIVE_EDITOR = `(wanted) => {
  const lines = document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line');
  for (const line of lines) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    const at = nodes.map((node) => node.data).join('').indexOf(wanted);
    if (at === -1) continue;
    let offset = at + Math.floor(wanted.length / 2);
    for (const node of nodes) {
      if (offset < node.data.length) {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      offset -= node.data.length;
    }
  }
  return null;
}`;

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshotsDir: string,
  ) {
    // Shorter than a test's mocha timeout, so a step that waits in vain names what it waited for.
    page.setDefaultTimeout(20_000);
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
    // Quick Open searches as one types; wait for the file to be the first pick before accepting it.
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
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
    // Monaco renders spaces as no-break spaces.
    const wanted = JSON.stringify(text.replace(/ /g, '\u00a0'));
    const point = (await this.page.evaluate(`(${POINT_IN_ACTIVE_EDITOR})(${wanted})`)) as { x: number; y: number } | null;
    if (!point) throw new Error(`"${text}" is not visible in the active editor`);
    await this.page.mouse.click(point.x, point.y);
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

  /**
   * Opens the Problems panel filtered by `filter` (a finding code, say), waits for a matching row and
   * returns the visible rows' text. Filtering matters: the list renders only the rows in view.
   */
  async problems(filter: string): Promise<string[]> {
    const filterBox = this.page.locator('.viewpane-filter input[aria-label="Filter Problems"]');
    // The shortcut toggles the panel: press it only when the panel is closed.
    if (!(await filterBox.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await filterBox.fill(filter);
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: filter }).first().waitFor();
    return rows.allInnerTexts();
  }

  /**
   * Empties the Problems panel's filter and returns the rows then in view, once a row shows each of
   * `expected` or a few seconds have passed: the filter applies after a delay, with no event for it.
   */
  async allProblems(expected: string[]): Promise<string[]> {
    const filterBox = this.page.locator('.viewpane-filter input[aria-label="Filter Problems"]');
    if (!(await filterBox.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await filterBox.fill('');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
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
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await this.page.locator(`.pane-header[aria-label^="${title} Section"][aria-expanded="${expanded}"]`).waitFor();
    return this.page.locator('.pane', { has: header });
  }

  /** The row of a tree whose label is exactly `label`. */
  row(tree: Locator, label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const exactly = new RegExp(`^${escaped}$`);
    return tree.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly }) }).first();
  }

  /** Expands or collapses a row of a tree with its twistie, as a click on the label may run a command. */
  async expandRow(tree: Locator, label: string, expanded = true): Promise<void> {
    const row = this.row(tree, label);
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) !== String(expanded)) await row.locator('.monaco-tl-twistie').click();
    await this.row(tree, label).and(this.page.locator(`[aria-expanded="${expanded}"]`)).waitFor();
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
