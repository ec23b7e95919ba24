// What a person sees: the packaged extension (.vsix) installed in code-server, a folder with
// copies of the sample plans opened in the workbench, driven through Chromium with playwright-core.
// scripts/e2e.mjs runs these steps in order and saves a screenshot after each in test-results/e2e/.
//
// Each step: { name, title, required?, run({ page, url, folder, log }) }. A failing `required`
// step stops the run (later steps would only fail for the same reason).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const ICE = 'ice-strategic-plan-2021-2025.plan.yaml';
const ERRORS = 'with-errors.plan.yaml';
const GOALS = [
  'Empower the Workforce that Powers the Mission',
  'Counter Threats and Protect the Homeland',
  'Safeguard the Integrity of our Immigration System',
  'Combat Organizations that Exploit Lawful Trade, Travel, and Financial Systems',
  'Strengthen and Expand Partnerships to Advance the Mission',
];
// The problems of the error sample, as the Problems panel shows them: `source(code)` after the message.
const ERROR_CODES = ['yaml-syntax', 'schema', 'numbering-sequence', 'numbering-parent', 'numbering-duplicate', 'numbering-format', 'reference-unresolved'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns a truthy value other than a string in parentheses (which says
 * what is seen instead, for the failure message); fails with `what` and the last value.
 */
async function until(what, probe, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try { last = await probe(); } catch (e) { last = `(${e.message.split('\n')[0]})`; }
    if (typeof last === 'string' ? !last.startsWith('(') : last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 800)}`);
    await sleep(250);
  }
}

/** 1-based line number of the first line of a sample that contains `needle`. */
function lineOf(folder, file, needle) {
  const lines = fs.readFileSync(path.join(folder, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file} has no line with ${needle}`);
  return i + 1;
}

/** Runs a command from the Command Palette by its label, as a person would. */
async function command(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  try {
    await row.waitFor({ timeout: 10_000 });
  } catch (e) {
    await page.keyboard.press('Escape');
    throw new Error(`no command "${label}" in the Command Palette`);
  }
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Expands or collapses an Explorer section (Outline, Timeline, Plan, or the folder's own). */
async function showPane(page, title, expanded = true) {
  const header = page.locator('.pane-header').filter({ has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  await header.waitFor({ timeout: 20_000 });
  const state = () => header.getAttribute('aria-expanded');
  // A command that just ran (Show Plan View) may still be opening it: look twice before clicking.
  if ((await state()) === String(expanded)) return;
  await sleep(400);
  if ((await state()) !== String(expanded)) await header.click();
  await until(`the ${title} section ${expanded ? 'open' : 'closed'}`, async () => (await state()) === String(expanded), 5_000);
}

/** Opens a file by double-clicking it in the Explorer, and waits for its editor tab to be active. */
async function openFromExplorer(page, folder, file) {
  await command(page, 'View: Show Explorer');
  await showPane(page, path.basename(folder));
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${file}"]`);
  await row.waitFor({ timeout: 20_000 });
  await row.dblclick();
  await page.locator(`.tabs-container .tab.active[aria-label^="${file}"]`).waitFor({ timeout: 20_000 });
  await page.mouse.move(1, 500); // no tooltip over the screenshot
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Moves the cursor to a line with Go to Line (Ctrl+G), in the active editor. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Screen box of the first occurrence of `text` inside a rendered editor line containing `lineText`. */
async function boxOfText(page, lineText, text) {
  return page.evaluate(([lineText, text]) => {
    for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')) {
      // Monaco renders spaces as non-breaking spaces.
      const content = line.textContent.replace(/\u00a0/g, ' ');
      if (!content.includes(lineText)) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = content.indexOf(lineText) + lineText.indexOf(text);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (offset < node.length) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, Math.min(node.length, offset + text.length));
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
        offset -= node.length;
      }
    }
    return null;
  }, [lineText, text]);
}

/** The visible pane (Explorer section) whose header title is `title`. */
function pane(page, title) {
  return page.locator('.split-view-view .pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
}

const squiggles = (page) => page.locator('.editor-instance .monaco-editor .view-overlays .squiggly-error').count();

/** The document inside the preview's webview (code-server nests it in two iframes). */
function previewFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Screenshots kept for the README when PLANWRIGHT_DOC_SHOTS names a folder. */
async function docShot(page, name) {
  const dir = process.env.PLANWRIGHT_DOC_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name) });
}

/** 1-based line and column of the cursor, from the status bar ("Ln 12, Col 5"). */
async function cursorLine(page) {
  const t = await page.locator('.statusbar-item#status\\.editor\\.selection').innerText();
  const m = /Ln (\d+)/.exec(t);
  return m ? Number(m[1]) : `(status bar: ${t})`;
}

export const steps = [
  {
    name: 'workbench',
    title: 'the workbench opens on a folder with the sample plans',
    required: true,
    async run({ page, url }) {
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${ICE}"]`).waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'problems',
    title: 'the Problems panel lists the problems of the error sample, one of each kind',
    async run({ page, folder }) {
      await openFromExplorer(page, folder, ERRORS);
      await command(page, 'View: Focus Problems');
      const panel = page.locator('.markers-panel');
      await panel.waitFor({ timeout: 10_000 });
      // Every code shows in the panel, after its source: "planwright(schema)" (the list draws
      // only the rows that fit: the eleven problems of the sample do).
      await until(`the codes ${ERROR_CODES.join(', ')} in the Problems panel`, async () => {
        const text = await panel.innerText();
        const missing = ERROR_CODES.filter((c) => !new RegExp(`planwright\\s*\\(?${c}\\b`).test(text));
        return missing.length === 0 || `(missing ${missing.join(', ')}; panel: ${text.slice(0, 300)})`;
      });
      const text = await panel.innerText();
      for (const m of ['No goal, objective or sub-objective is numbered 2.9', 'number 1.1.2 is missing', 'did you mean `title`? (the objective has no `title`)']) {
        if (!text.includes(m)) throw new Error(`the Problems panel does not show "${m}"`);
      }
      // The status bar counts them too.
      // The status bar counts them too: as many as the CLI finds in the same file.
      const cli = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'bin/planwright.js'), 'check', '--format', 'json', path.join(ROOT, 'samples', ERRORS)], { encoding: 'utf8' }).stdout || '[]');
      const errors = cli.filter((d) => d.severity === 'error').length;
      const warnings = cli.filter((d) => d.severity === 'warning').length;
      const status = await page.locator('.statusbar-item#status\\.problems').innerText();
      if (!new RegExp(`${errors}\\D+${warnings}`).test(status.replace(/\s+/g, ' '))) throw new Error(`status bar problems: ${JSON.stringify(status)}, expected ${errors} errors and ${warnings} warnings (as the CLI reports)`);
    },
  },
  {
    name: 'outline',
    title: 'the Outline shows the 5 goals of the ICE plan',
    async run({ page, folder }) {
      await openFromExplorer(page, folder, ICE);
      // Room for the Outline: the user settings collapse its items, so its top level (mission,
      // vision, values, units, then the goals) fits.
      for (const other of ['Timeline', 'Plan', path.basename(folder)]) await showPane(page, other, false).catch(() => undefined);
      await command(page, 'Explorer: Focus on Outline View');
      await showPane(page, 'Outline');
      const outline = pane(page, 'Outline');
      await until('the 5 goals in the Outline', async () => {
        const rows = await outline.locator('.monaco-list-row').allInnerTexts();
        const text = rows.join('\n');
        const missing = GOALS.filter((g) => !text.includes(g));
        return missing.length === 0 || `(missing ${missing.length} goals; rows: ${rows.slice(0, 12).join(' | ')})`;
      });
    },
  },
  {
    name: 'plan-view',
    title: 'the Plan view lists both plans, and the 5 goals under the ICE plan',
    async run({ page, folder }) {
      // Room for the Plan view: the other Explorer sections are folded away.
      for (const other of ['Outline', 'Timeline', path.basename(folder)]) await showPane(page, other, false).catch(() => undefined);
      await command(page, 'Planwright: Show Plan View');
      await showPane(page, 'Plan');
      const view = pane(page, 'Plan');
      await view.waitFor({ timeout: 20_000 });
      const iceRoot = view.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Immigration and Customs Enforcement' });
      await until('the ICE plan in the Plan view', () => iceRoot.count());
      await until('the Harbor City plan in the Plan view', () => view.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Harbor City' }).count());
      if ((await iceRoot.getAttribute('aria-expanded')) !== 'true') await iceRoot.locator('.monaco-tl-twistie').click();
      await until('the 5 goals under the ICE plan', async () => {
        const rows = await view.locator('.monaco-list-row[aria-level="2"]').allInnerTexts();
        const text = rows.join('\n');
        const missing = GOALS.filter((g) => !text.includes(g));
        return missing.length === 0 || `(missing ${missing.length} goals; rows: ${rows.join(' | ')})`;
      });
      // Objectives are fetched when their goal is expanded (one level at a time).
      const goal1 = view.locator('.monaco-list-row[aria-level="2"]', { hasText: GOALS[0] });
      if ((await goal1.getAttribute('aria-expanded')) !== 'true') await goal1.locator('.monaco-tl-twistie').click();
      await until('the objectives of goal 1 under it', async () => {
        const rows = await view.locator('.monaco-list-row[aria-level="3"]').allInnerTexts();
        return rows.some((r) => r.startsWith('1.1 ')) || `(level 3 rows: ${rows.join(' | ')})`;
      });
    },
  },
  {
    name: 'plan-view-sections',
    title: 'the Plan view shows the ICE plan\'s mission, vision, values and units above the goals, with plan-writer icons and the full mission on hover',
    async run({ page }) {
      const view = pane(page, 'Plan');
      const rows = () => view.locator('.monaco-list-row[aria-level="2"]').allInnerTexts();
      await until('Mission, Vision, Values and Units above goal 1', async () => {
        const r = (await rows()).map((t) => t.split('\n')[0]);
        const first = r.slice(0, 5).map((t) => t.trim());
        return (first[0].startsWith('Mission') && first[1].startsWith('Vision') && first[2].startsWith('Values') && first[3].startsWith('Units') && first[4].startsWith('1 ')) || `(rows: ${r.slice(0, 6).join(' | ')})`;
      });
      // Each icon is a codicon that exists: its glyph is drawn (a ::before with content).
      const icons = await page.evaluate(() => [...document.querySelectorAll('.pane .monaco-list-row[aria-level="2"] .custom-view-tree-node-item-icon, .pane .monaco-list-row[aria-level="2"] .codicon')]
        .map((el) => [[...el.classList].find((c) => c.startsWith('codicon-')) ?? '', getComputedStyle(el, '::before').content])
        .filter(([c]) => c));
      const seen = new Map(icons);
      for (const icon of ['codicon-compass', 'codicon-eye', 'codicon-heart', 'codicon-organization', 'codicon-target']) {
        const glyph = seen.get(icon);
        if (!glyph || glyph === 'none' || glyph === 'normal' || glyph === '""') throw new Error(`no drawn ${icon} in the Plan view (icons: ${JSON.stringify(icons.slice(0, 12))})`);
      }
      const mission = view.locator('.monaco-list-row[aria-level="2"]', { hasText: 'Mission' }).first();
      await mission.hover();
      await until('the whole mission in the row\'s tooltip', async () => {
        const hover = page.locator('.monaco-hover:not(.hidden), .workbench-hover').first();
        if (!(await hover.isVisible())) return '(no hover)';
        const text = await hover.innerText();
        return text.replace(/\s+/g, ' ').includes('by enforcing immigration and customs laws.') || `(hover: ${JSON.stringify(text.slice(0, 200))})`;
      }, 15_000);
      await page.mouse.move(1, 500);
      // The README's picture of the Plan view (its sections and icons), once the tooltip is gone.
      await until('the tooltip gone', async () => !(await page.locator('.monaco-hover:not(.hidden), .workbench-hover').first().isVisible()) || '(tooltip still shown)', 5_000).catch(() => undefined);
      await docShot(page, 'plan-view.png');
    },
  },
  {
    name: 'hover',
    title: 'hovering a related entry shows the title of the item it names',
    async run({ page, folder }) {
      await openFromExplorer(page, folder, ICE);
      await goToLine(page, lineOf(folder, ICE, 'related: "1.4.4"'));
      let box = await until('related: "1.4.4" drawn in the editor', () => boxOfText(page, 'related: "1.4.4"', '1.4.4'));
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
      let wiggle = 0;
      await until('the hover with the title of 1.4.4', async () => {
        if (!(await hover.isVisible())) {
          // Code lenses and inlay hints arrive from the server after the text and move it: every
          // 2 s, find the entry again and move over it (a hover shows after the mouse rests 300 ms).
          if (++wiggle % 8 === 0) {
            box = (await boxOfText(page, 'related: "1.4.4"', '1.4.4')) ?? box;
            await page.mouse.move(box.x + box.width / 2 + ((wiggle / 8) % 2 ? 2 : -2), box.y + box.height / 2, { steps: 2 });
          }
          return '(no hover)';
        }
        const text = await hover.innerText();
        return text.includes('Transform the Workplace to Maximize Mobility, Flexibility, and Efficiency') || `(hover: ${text.slice(0, 200)})`;
      }, 20_000);
    },
  },
  {
    name: 'inlay-hints',
    title: 'after each related entry, the title of the item it names; after a unit id, its name',
    async run({ page, folder }) {
      await openFromExplorer(page, folder, ICE);
      await goToLine(page, lineOf(folder, ICE, 'related: ["2.2", "4.3.1"]') + 8);
      await goToLine(page, lineOf(folder, ICE, 'related: ["2.2", "4.3.1"]'));
      await page.mouse.move(1, 500);
      await until('the inlay hint after "2.2" drawn in the editor', async () => {
        const text = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
        return text.replace(/\u00a0/g, ' ').includes('Generate, Analyze, and Share Actionable…') || '(no hint yet)';
      }, 20_000);
      await docShot(page, 'inlay-hints.png');
    },
  },
  {
    name: 'code-lenses',
    title: 'above objective 4.2, the lens "3 references", resolved as it comes on screen; clicking it opens the references peek',
    async run({ page, folder }) {
      await openFromExplorer(page, folder, ICE);
      await goToLine(page, lineOf(folder, ICE, 'id: "4.2"'));
      await page.mouse.move(1, 500);
      // The server lists lenses without titles; VS Code asks it to resolve those on screen.
      const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration a', { hasText: /^3 references$/ }).first();
      await until('the lens "3 references" drawn above 4.2', async () => (await lens.isVisible()) || `(lenses drawn: ${JSON.stringify(await page.locator('.editor-instance .monaco-editor .codelens-decoration').allInnerTexts())})`, 20_000);
      await lens.click();
      const peek = page.locator('.monaco-editor .peekview-widget').first();
      await until('the references peek with the three entries naming 4.2', async () => {
        if (!(await peek.isVisible())) return '(no peek)';
        const text = (await peek.innerText()).replace(/\u00a0/g, ' ');
        return (text.includes('3 references') || /\b3\b/.test(text)) && text.includes('"4.2"') ? true : `(peek: ${JSON.stringify(text.slice(0, 300))})`;
      }, 15_000);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'squiggle',
    title: 'typing a wrong number draws a red squiggle under it',
    async run({ page, folder }) {
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await openFromExplorer(page, folder, ICE);
      const line = lineOf(folder, ICE, '- id: "1.2"');
      await goToLine(page, line);
      await until('the ICE plan without squiggles', async () => (await squiggles(page)) === 0, 10_000);
      // Cursor after the closing quote; step back over it, select the 2 and type 7 over it (one
      // edit, so that one undo takes it back).
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.type('7');
      await until('the line to read id: "1.7"', () => boxOfText(page, '- id: "1.7"', '1.7'), 5_000);
      await until('a red squiggle after typing "1.7"', async () => (await squiggles(page)) > 0, 20_000);
      const box = await boxOfText(page, '- id: "1.7"', '"1.7"');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await until('the hover explaining the numbering problem', async () => {
        const t = await page.locator('.monaco-hover:not(.hidden)').first().innerText().catch(() => '');
        return /numbering-|1\.2|1\.7/.test(t) || `(hover: ${t.slice(0, 200)})`;
      }, 15_000).catch(() => undefined); // the hover is for the screenshot; the squiggle is the check
    },
  },
  {
    name: 'undo',
    title: 'undo takes the wrong number and its squiggle away',
    async run({ page }) {
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Z');
      await until('the line to read id: "1.2" again', () => boxOfText(page, '- id: "1.2"', '1.2'), 5_000);
      await until('no squiggle after undo', async () => (await squiggles(page)) === 0, 20_000);
    },
  },
  {
    name: 'preview',
    title: 'Open Preview to the Side shows the ICE plan as a document beside it',
    async run({ page, folder }) {
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await openFromExplorer(page, folder, ICE);
      for (const other of ['Outline', 'Timeline', 'Plan']) await showPane(page, other, false).catch(() => undefined);
      await goToLine(page, lineOf(folder, ICE, 'mission:'));
      await command(page, 'Planwright: Open Preview to the Side');
      const doc = previewFrame(page);
      await until('the title as the h1 of the preview', async () => ((await doc.locator('h1').innerText()).includes('U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025') ? true : '(no h1 yet)'), 30_000);
      await until('the 5 goals as h2 headings', async () => {
        const hs = await doc.locator('section.pw-goal > h2').allInnerTexts();
        return hs.length === 5 && hs[0] === `Goal 1: ${GOALS[0]}` || `(h2: ${hs.join(' | ')})`;
      });
      await command(page, 'View: Hide Panel').catch(() => undefined);
      await page.mouse.move(700, 990); // no tooltip over the screenshot
      await sleep(800);
      await docShot(page, 'preview-light.png');
    },
  },
  {
    name: 'preview-follows-edits',
    title: 'typing in a title changes the preview, without saving',
    async run({ page, folder }) {
      const line = lineOf(folder, ICE, `title: ${GOALS[1]}`);
      await page.locator('.tabs-container .tab.active').first().click();
      await goToLine(page, line);
      await page.keyboard.press('End');
      await page.keyboard.type(' Now');
      const doc = previewFrame(page);
      await until('the new title in the preview', async () => {
        const t = await doc.locator('#item-2-h').innerText();
        return t === `Goal 2: ${GOALS[1]} Now` || `(goal 2 heading: ${t})`;
      }, 20_000);
      // The edit is not saved: the file on disk still has the old title.
      if (fs.readFileSync(path.join(folder, ICE), 'utf8').includes(`${GOALS[1]} Now`)) throw new Error('the edit was saved');
    },
  },
  {
    name: 'preview-double-click',
    title: 'double-clicking a heading in the preview puts the cursor on its line in the editor',
    async run({ page, folder }) {
      const doc = previewFrame(page);
      const heading = doc.locator('#item-3\\.2-h');
      await heading.scrollIntoViewIfNeeded();
      await heading.dblclick();
      const line = lineOf(folder, ICE, '- id: "3.2"');
      await until(`the cursor on line ${line}`, async () => {
        const at = await cursorLine(page);
        return at === line || `(cursor on ${at})`;
      }, 15_000);
    },
  },
  {
    name: 'preview-dark',
    title: 'the preview follows a dark theme, and the editor\'s scrolling',
    async run({ page, folder }) {
      // Preferences: Color Theme, then the theme's name, as a person picks it (from the editor:
      // the double-click left the focus in the preview's frame).
      const input = page.locator('.quick-input-widget input');
      for (let attempt = 1; ; attempt++) {
        await page.locator('.tabs-container .tab.active').first().click();
        await sleep(300);
        await page.keyboard.press('F1');
        try {
          await input.waitFor({ state: 'visible', timeout: 4_000 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
        }
      }
      await input.fill('>Preferences: Color Theme');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first().click();
      const dark = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dark Modern' }).first();
      await dark.waitFor({ timeout: 10_000 });
      await dark.click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
      const doc = previewFrame(page);
      await until('a dark background in the preview', async () => {
        const bg = await doc.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
        const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
        return r + g + b < 200 || `(background ${bg})`;
      }, 20_000);
      // Back in the editor, at objective 3.2: the preview follows it there.
      await command(page, 'View: Focus First Editor Group');
      await goToLine(page, lineOf(folder, ICE, '- id: "3.2"'));
      await until('the preview showing 3.2', async () => {
        const box = await previewFrame(page).locator('#item-3\\.2-h').boundingBox();
        return (box && box.y >= 0 && box.y < 700) || `(3.2 heading at ${JSON.stringify(box)})`;
      }, 10_000);
      // The editor beside it still draws its text (the scroll sync does not keep it moving).
      await until('the editor drawing its lines', async () => {
        const t = await page.locator('.editor-instance .monaco-editor .lines-content .view-lines').first().innerText();
        return /id:|title:|description:/.test(t) || `(editor lines: ${JSON.stringify(t.slice(0, 80))}, ${t.length} characters)`;
      }, 10_000);
      await page.mouse.move(700, 990);
      await sleep(800);
      await docShot(page, 'preview-dark.png');
    },
  },
  {
    name: 'export-plan',
    title: 'Export Plan… writes the ICE plan as Markdown beside it, where the save dialog says',
    async run({ page, folder }) {
      const target = path.join(folder, 'ice-strategic-plan-2021-2025.md');
      fs.rmSync(target, { force: true });
      await command(page, 'View: Focus First Editor Group');
      // The format, then the save dialog (code-server's own: a path in the quick input, beside the plan).
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill('>Planwright: Export Plan');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Planwright: Export Plan' }).first().click();
      const markdown = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Markdown (.md)' }).first();
      await markdown.waitFor({ timeout: 10_000 });
      await markdown.click();
      await until('the save dialog proposing ice-strategic-plan-2021-2025.md', async () => {
        const v = await input.inputValue();
        return v.endsWith('ice-strategic-plan-2021-2025.md') || `(dialog: ${v})`;
      }, 15_000);
      await page.keyboard.press('Enter');
      await until(`${path.basename(target)} written`, () => fs.existsSync(target) || '(not yet)', 20_000);
      const md = fs.readFileSync(target, 'utf8');
      if (!md.startsWith('# U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025\n')) throw new Error(`the export begins ${JSON.stringify(md.slice(0, 80))}`);
      if (!md.includes(`## Goal 2: ${GOALS[1]} Now`)) throw new Error('the export is not of the edited (unsaved) text');
    },
  },
  {
    name: 'measure-hover',
    title: 'hovering a measure id shows its year table of targets, results and met or not',
    async run({ page, folder }) {
      // The measures example joins the folder only now: the steps before count the two samples' plans and problems.
      const file = 'measures-example.plan.yaml';
      fs.copyFileSync(path.join(ROOT, 'samples', file), path.join(folder, file));
      try {
        await page.mouse.move(1, 1);
        await page.keyboard.press('Escape');
        await openFromExplorer(page, folder, file);
        await goToLine(page, lineOf(folder, file, '- id: PM-1.2.1') + 12);
        // Code lenses arrive from the server and push the lines down: find the id once they have. The
        // list makes room for each lens (a view zone, on screen or not); VS Code resolves and draws
        // only those on screen (there are none here, the units' lenses are above).
        const lensSpace = page.locator('.editor-instance .monaco-editor .view-zones > div, .editor-instance .monaco-editor .codelens-decoration');
        await until('the code lenses listed', async () => (await lensSpace.count()) > 0, 20_000).catch(() => undefined);
        await sleep(500);
        let box = await until('PM-1.2.1 drawn in the editor', () => boxOfText(page, '- id: PM-1.2.1', 'PM-1.2.1'));
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
        const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
        let wiggle = 0;
        await until('the hover with the year table of PM-1.2.1', async () => {
          if (!(await hover.isVisible())) {
            // The server may still be starting: every 2 s, move over the id again so that the editor
            // asks again (a hover shows after the mouse rests 300 ms, so not more often).
            if (++wiggle % 8 === 0) {
              box = (await boxOfText(page, '- id: PM-1.2.1', 'PM-1.2.1')) ?? box;
              await page.mouse.move(box.x + box.width / 2 + ((wiggle / 8) % 2 ? 2 : -2), box.y + box.height / 2, { steps: 2 });
            }
            return '(no hover)';
          }
          const text = await hover.innerText();
          return (text.includes('Days to fix a reported hazard') && /FY2026\s+10\s+11\s+✗ not met/.test(text)) || `(hover: ${text.slice(0, 300)})`;
        }, 30_000);
        await sleep(500);
        const dir = process.env.PLANWRIGHT_DOC_SHOTS;
        if (dir) {
          // The README's picture: the editor around the measure and its hover.
          const h = await page.locator('.monaco-hover:not(.hidden)').first().boundingBox();
          const editor = await page.locator('.editor-instance').first().boundingBox();
          const x = Math.max(editor.x, Math.min(box.x - 120, h.x - 20));
          // The hover may reach above the editor (over the breadcrumbs): keep all of it in the picture.
          const y = Math.max(0, Math.min(box.y, h.y) - 12);
          fs.mkdirSync(dir, { recursive: true });
          await page.screenshot({ path: path.join(dir, 'measure-hover.png'), clip: { x, y, width: Math.min(1400 - x, Math.max(h.x + h.width, box.x + box.width) - x + 40), height: Math.min(1000 - y, Math.max(h.y + h.height, box.y + box.height) - y + 130) } });
        }
      } finally {
        await page.mouse.move(1, 1);
        await page.keyboard.press('Escape');
        await command(page, 'View: Close Editor').catch(() => undefined);
        fs.rmSync(path.join(folder, file), { force: true });
      }
    },
  },
  {
    name: 'plan-view-filter',
    title: 'the Plan view\'s filter button shows only the items with a measure not met, and the other button shows all again',
    async run({ page, folder }) {
      const file = 'measures-example.plan.yaml';
      fs.copyFileSync(path.join(ROOT, 'samples', file), path.join(folder, file));
      const view = pane(page, 'Plan');
      const button = (label) => page.locator(`.pane-header .action-label[aria-label^="${label}"]`).first();
      try {
        await page.mouse.move(1, 1);
        await page.keyboard.press('Escape');
        for (const other of ['Outline', 'Timeline', path.basename(folder)]) await showPane(page, other, false).catch(() => undefined);
        await command(page, 'Planwright: Show Plan View');
        await showPane(page, 'Plan');
        const root = view.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Example City Parks and Libraries' });
        await until('the measures example in the Plan view', () => root.count());
        if ((await root.getAttribute('aria-expanded')) !== 'true') await root.locator('.monaco-tl-twistie').click();
        const goalsOf = async () => (await view.locator('.monaco-list-row[aria-level="2"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
        await until('the goals of the measures example', async () => (await goalsOf()).some((r) => r.includes('Libraries for Every Age')) || `(rows: ${(await goalsOf()).join(' | ')})`);
        // The buttons of a view's title bar show while the pointer is over it.
        await view.locator('.pane-header').hover();
        await button('Show Only Measures Not Met').click();
        // Goal 1 alone: its own measure PM-1 missed its FY2027 target; the ICE plan has no measures.
        await until('only goal 1 of the measures example', async () => {
          const rows = await goalsOf();
          return (rows.length === 1 && rows[0].includes('Parks Within Reach')) || `(rows: ${rows.join(' | ')})`;
        });
        await view.locator('.pane-header').hover();
        await button('Show All Items').click();
        await until('every goal again', async () => {
          const rows = await goalsOf();
          return (rows.some((r) => r.includes('Libraries for Every Age')) && rows.some((r) => r.includes(GOALS[0]))) || `(rows: ${rows.join(' | ')})`;
        });
      } finally {
        fs.rmSync(path.join(folder, file), { force: true });
      }
    },
  },
  {
    // Plans are mostly prose: words of the plan's own text must not be offered, and Enter must
    // start a new line, not accept a suggestion (package.json configurationDefaults).
    name: 'typing',
    title: 'typing `- id: HOUSING` and Enter below a unit named "…Housing…" leaves exactly what was typed',
    async run({ page, folder }) {
      const file = 'typing.plan.yaml';
      const lines = [
        'planwright: 1',
        'title: Harbor City Strategic Plan',
        'units:',
        '  - id: OHCD',
        '    name: Office of Housing and Community Development',
        '  ',
        'goals:',
        '  - id: "1"',
        '    title: Housing for Everyone',
        '',
      ];
      fs.writeFileSync(path.join(folder, file), lines.join('\n'));
      await openFromExplorer(page, folder, file);
      await goToLine(page, 6);
      await page.keyboard.press('End');
      // Slowly, as a person types: each keystroke gives the suggest widget its chance.
      await page.keyboard.type('- id: HOUSING', { delay: 120 });
      await sleep(1500);
      await page.keyboard.press('Enter');
      await page.keyboard.type('name: Housing Authority', { delay: 60 });
      await sleep(500);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+S');
      await until(`${file} saved with the typed lines`, () => {
        const saved = fs.readFileSync(path.join(folder, file), 'utf8').split('\n');
        return (saved[5] === '  - id: HOUSING' && saved[6]?.trim() === 'name: Housing Authority') || `(lines 6-7: ${JSON.stringify(saved.slice(5, 7))})`;
      }, 15_000);
    },
  },
  {
    name: 'new-plan',
    title: 'New Plan: the acronym and the unit id are tab stops (the unit id mirrored into lead), and the first save names the file from the title',
    async run({ page, folder }) {
      await page.keyboard.press('Escape');
      await command(page, 'Planwright: New Plan');
      await page.locator('.tabs-container .tab.active[aria-label^="new.plan.yaml"]').waitFor({ timeout: 20_000 });
      // The template is in (its first tab stop selected) before anything is typed.
      await until('the template in the new editor', async () => {
        const text = (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
        return text.includes('Strategic Plan 2026-2030') || `(editor: ${text.slice(0, 80)})`;
      });
      await sleep(300);
      // Tab stops in order: organization, organization name, ORG, mission, vision, value, its description, OPS.
      const fields = ['Harbor City', 'Harbor City Port Authority', 'HCPA', 'Keep the port working.', 'A busy, clean port.', 'Openness', 'We say what we do.', 'HOUSING'];
      for (const [i, text] of fields.entries()) {
        if (i) await page.keyboard.press('Tab');
        await page.keyboard.type(text, { delay: 20 });
      }
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+S');
      const input = page.locator('.quick-input-widget input');
      await until('the file name the title gives, proposed', async () => {
        if (!(await input.isVisible())) return '(no input box)';
        const v = await input.inputValue();
        return v === 'harbor-city-strategic-plan-2026-2030.plan.yaml' || `(input: ${v})`;
      }, 20_000);
      await page.keyboard.press('Enter');
      const file = path.join(folder, 'harbor-city-strategic-plan-2026-2030.plan.yaml');
      await until(`${path.basename(file)} written`, () => fs.existsSync(file) || '(not yet)', 20_000);
      if (fs.existsSync(path.join(folder, 'new.plan.yaml'))) throw new Error('new.plan.yaml is still there beside the renamed plan');
      const text = fs.readFileSync(file, 'utf8');
      for (const line of ['title: Harbor City Strategic Plan 2026-2030', 'organization: { name: Harbor City Port Authority, acronym: HCPA }', '  - id: HOUSING', '        lead: HOUSING']) {
        if (!text.split('\n').includes(line)) throw new Error(`the saved plan has no line "${line}": ${JSON.stringify(text)}`);
      }
    },
  },
  {
    // Last: the reload starts the workbench anew.
    name: 'preview-reload',
    title: 'the preview comes back after the window reloads, showing the plan',
    async run({ page }) {
      await command(page, 'Developer: Reload Window');
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      const doc = previewFrame(page);
      await until('the preview\'s h1 after the reload', async () => ((await doc.locator('h1').innerText({ timeout: 2_000 })).includes('U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025') ? true : '(no h1 yet)'), 60_000);
      await until('the 5 goals in the revived preview', async () => {
        const hs = await doc.locator('section.pw-goal > h2').allInnerTexts();
        return hs.length === 5 || `(h2: ${hs.length})`;
      });
    },
  },
];
