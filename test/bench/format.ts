// Format Document on a large generated plan, in process: formatPlan and provideFormatting (what the
// server answers `textDocument/formatting` with) on the canonical plan, and after an edit that
// un-canonicalizes one goal's title (extra spaces), the keystroke-to-save case of format-on-save.
//
//   node out/test/bench/format.js [size=63k] [reps=5]
//
// "first" is a process's first formatting of the text (nothing kept); "again" the same version
// formatted again (format-on-save after Format Document, or a second save); "one goal edited" a new
// version in which one goal changed since the last formatting, as after typing and saving (each rep
// edits another goal of the canonical text); "every goal kept" a text whose goals were all formatted
// before. "before (whole text)" is the formatter as it was: one read of the whole text every time.
// Medians of `reps` runs.
import { execSync } from 'child_process';
import { generatePlan, parseSize } from './generate';
import { PlanWorkspace } from '../../server/src/service/documents';
import { formatPlan, formatStats, formatWholeText, lineEdits, provideFormatting } from '../../server/src/service/features/format';

const [size = '63k', repsArg = '5'] = process.argv.slice(2);
const reps = Number(repsArg);
const { shape } = parseSize(size);
const plan = generatePlan(shape);
const uri = 'file:///bench/format.plan.yaml';
const ws = new PlanWorkspace();
let version = 1;
let doc = ws.update(uri, plan.text, version);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => unknown): [number, unknown] => {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
};
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;

console.log(`${size}: ${plan.lineCount} lines, ${plan.text.length} characters; load: ${execSync('uptime').toString().trim()}`);

// The generated plan is already canonical.
const [firstMs, first] = time(() => formatPlan(doc));
if (!('text' in (first as object)) || (first as { text: string }).text !== plan.text) throw new Error('the generated plan is not canonical');
console.log(`formatPlan, canonical, first: ${firstMs.toFixed(1)} ms`);

const again: number[] = [];
const againEdits: number[] = [];
for (let i = 0; i < reps; i++) {
  again.push(time(() => formatPlan(doc))[0]);
  const [ms, edits] = time(() => provideFormatting(doc));
  if ((edits as unknown[]).length) throw new Error('edits on a canonical plan');
  againEdits.push(ms);
}
console.log(`formatPlan, canonical, again: ${fmt(again)}`);
console.log(`provideFormatting, canonical, again: ${fmt(againEdits)}`);

/** The canonical text with goal `g`'s title line given extra spaces (`title:   X  `). */
function unCanonical(g: number): string {
  const at = plan.text.indexOf(`\n  - id: "${g}"\n`);
  if (at < 0) throw new Error(`no goal ${g}`);
  const title = plan.text.indexOf('\n    title: ', at + 1) + 1;
  return plan.text.slice(0, title) + '    title:   ' + plan.text.slice(title + '    title: '.length).replace(/\n/, '  \n');
}

// The formatter before formatting goal by goal: one read of the whole text (formatWholeText), as
// formatPlan and provideFormatting did.
const whole: number[] = [];
const wholeEdited: number[] = [];
for (let i = 0; i < reps; i++) {
  whole.push(time(() => formatWholeText(plan.text))[0]);
  const text = unCanonical(Math.floor((shape.goals * (i + 1)) / (reps + 1)));
  const d = ws.update(uri, text, ++version);
  wholeEdited.push(time(() => lineEdits(d, formatWholeText(text)!))[0]);
}
console.log(`before (whole text): formatPlan, canonical: ${fmt(whole)}`);
console.log(`before (whole text): provideFormatting, one goal edited: ${fmt(wholeEdited)}`);

const edited: number[] = [];
const editedEdits: number[] = [];
for (let i = 0; i < reps; i++) {
  // Another goal each time, so that its text is new to the formatter.
  const text = unCanonical(Math.floor((shape.goals * (i + 1)) / (reps + 1)));
  doc = ws.update(uri, text, ++version);
  const [ms, r] = time(() => formatPlan(doc));
  if (!('text' in (r as object)) || (r as { text: string }).text !== plan.text) throw new Error('the edited goal was not formatted back');
  if (formatStats.mode !== 'goals') throw new Error(`formatted ${formatStats.mode}`);
  edited.push(ms);
  if (i === 0) console.log(`formatPlan, one goal edited, the first edit after the first formatting: ${ms.toFixed(1)} ms`);
  // The same edit on a fresh version, for provideFormatting (its formatting is new to it too).
  const other = unCanonical(Math.floor((shape.goals * (i + 1)) / (reps + 1)) + 1);
  doc = ws.update(uri, other, ++version);
  const [ems, edits] = time(() => provideFormatting(doc));
  if ((edits as unknown[]).length !== 1) throw new Error(`expected one edit, got ${(edits as unknown[]).length}`);
  editedEdits.push(ems);
}
console.log(`formatPlan, one goal edited: ${fmt(edited)} (the first edit included)`);
console.log(`provideFormatting, one goal edited: ${fmt(editedEdits)}`);

// A text formatted before, but not just before (an edit undone): every goal is kept.
const kept: number[] = [];
for (let i = 0; i < reps; i++) {
  doc = ws.update(uri, unCanonical(1 + i), ++version);
  formatPlan(doc);
  doc = ws.update(uri, plan.text, ++version);
  kept.push(time(() => provideFormatting(doc))[0]);
  if (formatStats.mode !== 'goals' || formatStats.goalsRead) throw new Error(`formatted ${formatStats.mode}, ${formatStats.goalsRead} goals read`);
}
console.log(`provideFormatting, canonical, every goal kept (an edit undone): ${fmt(kept)}`);
console.log(`load after: ${execSync('uptime').toString().trim()}`);
