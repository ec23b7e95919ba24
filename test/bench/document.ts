// What the plan as a document costs (#11): the live preview's refresh after a keystroke (the
// server's part: update, diagnostics, then the preview request with the blocks the webview
// shows), and the export of a whole plan to each format (document model + writer, in memory).
// In-process, median of 7 (preview) or 3 (exports).
//
//   node out/test/bench/document.js
import { createLanguageService } from '../../server/src/service';
import { docxFile } from '../../server/src/service/document/docx';
import { htmlFile } from '../../server/src/service/document/html';
import { markdownFile } from '../../server/src/service/document/markdown';
import { generatePlan, SIZES } from './generate';

const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  for (const size of ['15k', '63k']) {
    const text = generatePlan(SIZES[size]).text;
    const lines = text.split('\n').length;
    const uri = 'file:///bench.plan.yaml';
    const s = createLanguageService();
    s.update(uri, text, 1);
    s.getDiagnostics(uri);
    let t = performance.now();
    let p = s.getPreview(uri)!;
    const firstPreview = performance.now() - t;
    const bytes = p.blocks.reduce((n, b) => n + (b.html?.length ?? 0), 0);
    // Keystrokes in a title in the middle of the plan: one character more each time.
    const at = text.indexOf('title: ', Math.floor(text.length / 2)) + 'title: '.length;
    const diag: number[] = [];
    const preview: number[] = [];
    let sent = 0;
    let cur = text;
    for (let i = 0; i < 7; i++) {
      cur = cur.slice(0, at) + 'x' + cur.slice(at);
      t = performance.now();
      s.update(uri, cur, i + 2, { start: at, end: at, newEnd: at + 1 });
      s.getDiagnostics(uri);
      diag.push(performance.now() - t);
      const known = p.blocks.map((b) => b.key);
      t = performance.now();
      p = s.getPreview(uri, known)!;
      preview.push(performance.now() - t);
      sent = p.blocks.reduce((n, b) => n + (b.html?.length ?? 0), 0);
    }
    console.log(`${size} (${lines} lines): first preview ${ms(firstPreview)} (${(bytes / 1e6).toFixed(2)} MB of HTML, ${p.blocks.length} blocks); after a keystroke: update + diagnostics ${ms(median(diag))}, then the preview ${ms(median(preview))}, sending ${(sent / 1e3).toFixed(1)} kB`);

    const exports: Record<string, number[]> = { html: [], markdown: [], docx: [] };
    for (let i = 0; i < 3; i++) {
      const fresh = createLanguageService();
      fresh.update(uri, text, 1);
      t = performance.now();
      const d = fresh.getPlanDocument(uri)!;
      const model = performance.now() - t;
      t = performance.now();
      htmlFile(d);
      exports.html.push(model + performance.now() - t);
      t = performance.now();
      markdownFile(d);
      exports.markdown.push(model + performance.now() - t);
      t = performance.now();
      await docxFile(d);
      exports.docx.push(model + performance.now() - t);
    }
    console.log(`${size}: export (document model of a freshly read plan + writer): ${Object.entries(exports).map(([k, v]) => `${k} ${ms(median(v))}`).join(', ')}`);
  }
}

void main();
