// The Planwright preview's script, run inside the webview (loaded with the page's nonce). It shows
// what the extension sends: blocks of HTML the language server rendered, patched in place (a block
// whose key is unchanged keeps its element), scroll kept; scroll sync with the editor both ways
// through the source lines in `data-line`, as VS Code's Markdown preview does.
// @ts-check
(function () {
  // @ts-ignore: provided by VS Code in webviews
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('pw-doc'));
  /** @type {Map<string, Element>} */
  let shown = new Map();
  /** @type {{ element: HTMLElement, line: number }[] | undefined} */
  let lineElements;
  /** Scroll events caused by the editor's scrolling are not sent back to it. */
  let ignoreScrollUntil = 0;
  let cursorElement = /** @type {Element | null} */ (null);

  function elements() {
    if (!lineElements) {
      lineElements = [];
      for (const el of root.querySelectorAll('[data-line]')) {
        const line = Number(el.getAttribute('data-line'));
        if (Number.isFinite(line)) lineElements.push({ element: /** @type {HTMLElement} */ (el), line });
      }
    }
    return lineElements;
  }

  /** The elements just before (or at) and just after a source line. */
  function around(line) {
    const all = elements();
    let previous;
    for (const e of all) {
      if (e.line === line) return { previous: e, next: undefined };
      if (e.line > line) return { previous, next: e };
      previous = e;
    }
    return { previous, next: undefined };
  }

  const top = (el) => el.getBoundingClientRect().top + window.scrollY;

  /** The line the editor (or an update) last scrolled the preview to: its scroll event is not sent back. */
  let placedLine;

  function scrollToLine(line) {
    placedLine = line;
    const { previous, next } = around(line);
    let y = 0;
    if (previous) {
      const t = top(previous.element);
      y = next && next.line > previous.line ? t + ((line - previous.line) / (next.line - previous.line)) * (top(next.element) - t) : t;
    }
    ignoreScrollUntil = Date.now() + 150;
    window.scrollTo(0, Math.max(0, y - 8));
  }

  /** The source line at the top of the view: between the two elements around it, by their distance. */
  function lineAtTop() {
    const all = elements();
    const y = window.scrollY + 8;
    let lo = 0;
    let hi = all.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (top(all[mid].element) <= y) lo = mid;
      else hi = mid - 1;
    }
    const e = all[lo];
    const t = top(e.element);
    if (y < t) return e.line;
    const next = all[lo + 1];
    if (!next || next.line <= e.line) return e.line;
    const nt = top(next.element);
    return nt > t ? Math.floor(e.line + ((y - t) / (nt - t)) * (next.line - e.line)) : e.line;
  }

  function markCursor(line) {
    if (cursorElement) cursorElement.classList.remove('pw-cursor');
    cursorElement = null;
    if (line === undefined) return;
    const { previous } = around(line);
    if (!previous) return;
    // The item (or section) the line is in: the closest section around the element found.
    cursorElement = previous.element.closest('section[data-line], header[data-line], div[data-line]') || previous.element;
    cursorElement.classList.add('pw-cursor');
  }

  function update(m) {
    // Keep what is at the top of the view where it is, whatever changes above or below it.
    const anchorLine = shown.size ? lineAtTop() : m.line;
    const next = new Map();
    const list = [];
    for (const b of m.blocks) {
      let el = shown.get(b.key);
      if (!el) {
        if (typeof b.html !== 'string') {
          // The extension thought this block was shown: ask for everything again.
          vscode.postMessage({ type: 'resync' });
          return;
        }
        const t = document.createElement('template');
        t.innerHTML = b.html;
        el = t.content.firstElementChild || document.createElement('div');
      }
      next.set(b.key, el);
      list.push(el);
    }
    list.forEach((el, i) => {
      if (root.children[i] !== el) root.insertBefore(el, root.children[i] || null);
    });
    while (root.children.length > list.length) root.lastElementChild && root.lastElementChild.remove();
    shown = next;
    lineElements = undefined;
    document.title = m.title;
    vscode.setState({ uri: m.uri, line: anchorLine });
    if (anchorLine !== undefined) scrollToLine(anchorLine);
    markCursor(m.cursor);
    vscode.postMessage({ type: 'shown', keys: [...shown.keys()] });
  }

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') update(m);
    // Already showing that line at the top: scrolling would only echo back to the editor.
    else if (m.type === 'scroll') { if (lineAtTop() !== m.line) scrollToLine(m.line); }
    else if (m.type === 'cursor') markCursor(m.line);
  });

  let scrollTimer;
  window.addEventListener('scroll', () => {
    if (Date.now() < ignoreScrollUntil) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      const line = lineAtTop();
      if (line === undefined) return;
      // Where the editor put it (within the rounding of a line): no news to the editor.
      if (placedLine !== undefined && Math.abs(line - placedLine) <= 1) {
        placedLine = undefined;
        return;
      }
      placedLine = undefined;
      vscode.setState({ ...(vscode.getState() || {}), line });
      vscode.postMessage({ type: 'scroll', line });
    }, 50);
  }, { passive: true });

  root.addEventListener('dblclick', (e) => {
    const el = e.target instanceof Element ? e.target.closest('[data-line]') : null;
    if (!el) return;
    e.preventDefault();
    // A double-click selects a word: it means "go there", not "select".
    const sel = window.getSelection();
    if (sel) sel.removeAllRanges();
    vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
  });

  // Links inside the document scroll to their target; others open outside, through the editor.
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!a) return;
    const href = a.getAttribute('href') || '';
    e.preventDefault();
    if (href.startsWith('#')) {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (target) {
        target.scrollIntoView();
        const focus = target.querySelector('h2, h3, h4');
        if (focus instanceof HTMLElement) { focus.tabIndex = -1; focus.focus({ preventScroll: true }); }
      }
    } else vscode.postMessage({ type: 'link', href });
  });

  vscode.postMessage({ type: 'ready' });
})();
