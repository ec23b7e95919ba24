// The structure finder: blocks (blocks.ts) → the plan's JSON value (the schema's shape) and report
// lines. One reader for every format: the title; mission, vision and values sections; the
// organization's units and their acronyms; goals, objectives and sub-objectives by their labels
// ("Goal 1:", "GOAL 1", "Strategic Priority 2", "Objective 1.1", "1.1.1:"), by heading levels
// (labelled headings, or the headings under a "Goals" heading) and by numbered lists, each with
// its title and the narrative that follows it. Where the document disagrees with itself (a table
// of contents and a banner, a heading's number and its place), every reading of an item's number
// is a vote: the number most of them give wins, and each reading it overrides is reported.
import type { Block, ReportLine } from './blocks';
import type { ItemJson, PlanJson } from '../planValue';

/** An item and a plan as the document importer builds them: the plan's value (planValue.ts). */
export type ImportedItem = ItemJson;
export type ImportedPlan = PlanJson;

export interface StructureResult {
  plan: ImportedPlan;
  report: ReportLine[];
}

// ---------------------------------------------------------------- words

/** The text without Markdown emphasis markers and extra spaces. */
export function plain(t: string): string {
  return t.replace(/\*\*|__/g, '').replace(/(^|\s)[*_](\S)/g, '$1$2').replace(/(\S)[*_](?=\s|$|[:.,;])/g, '$1').replace(/\s+/g, ' ').trim();
}
/** For comparing titles: letters and digits only, lower case. */
const norm = (t: string) => plain(t).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const wordCount = (t: string) => (t.trim() ? t.trim().split(/\s+/).length : 0);
const quote = (t: string) => `"${t.length > 70 ? t.slice(0, 67) + '...' : t}"`;

const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'within', 'through']);

/** A heading written in capitals, in title case ("STRATEGIC PLAN 2021-2025" → "Strategic Plan 2021-2025"). */
function titleCase(t: string): string {
  if (/\p{Ll}/u.test(t)) return t;
  return t
    .toLowerCase()
    .split(' ')
    .map((w, i) => {
      if (/^(\p{L}\.)+\p{L}?$/u.test(w)) return w.toUpperCase(); // U.S.
      if (i > 0 && SMALL.has(w)) return w;
      return w.replace(/\p{L}/u, (c) => c.toUpperCase());
    })
    .join(' ');
}

// ---------------------------------------------------------------- labels

const GOAL_WORD = String.raw`(?:(?:strategic|organizational|institutional)\s+)?(?:goal|priority|direction|pillar|theme|focus\s+area|commitment|imperative)`;
const OBJ_WORD = String.raw`(?:strategic\s+)?(?:objective|strategy)`;
const SUB_WORD = String.raw`(?:sub-?objective|action|tactic|activity)`;
const NUMBER = String.raw`(\d+(?:\.\d+)*|[IVX]{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const LABEL = new RegExp(String.raw`^(${GOAL_WORD}|${OBJ_WORD}|${SUB_WORD})(?:\s+(?:no\.?\s*|#\s*)?${NUMBER}(?!\.[A-Za-z](?:$|[\s:.\-–—)])))?(?=$|[\s:.\-–—)])\.?\s*[:.\-–—)]?\s*(.*)$`, 'i');
/** "1.2", "1.2.3" at the start, then a title. */
const DOTTED = /^(\d+(?:\.\d+){1,2})(?![\d])\.?\s*[:.)\-–—]?\s+(\S.*)$/;
/** "1." or "1" at the start of a heading. */
const NUMBERED = /^(\d+)[.):]?\s+(\S.*)$/;
/** Labels anywhere in a table-of-contents line (several may share one line). */
const TOC_LABEL = new RegExp(String.raw`(?:^|\s)(${GOAL_WORD}|${OBJ_WORD}|${SUB_WORD})\s+${NUMBER}\s*[:.\-–—]?\s+`, 'gi');

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };
function arabic(n: string): string {
  if (/^\d/.test(n)) return n;
  const w = NUMBER_WORDS.indexOf(n.toLowerCase());
  if (w >= 0) return String(w + 1);
  let v = 0;
  const s = n.toUpperCase();
  for (let i = 0; i < s.length; i++) {
    const a = ROMAN[s[i]];
    const b = ROMAN[s[i + 1]] ?? 0;
    v += a < b ? -a : a;
  }
  return String(v);
}

function depthOfWord(word: string): 1 | 2 | 3 {
  if (new RegExp(`^${GOAL_WORD}$`, 'i').test(word)) return 1;
  if (new RegExp(`^${OBJ_WORD}$`, 'i').test(word)) return 2;
  return 3;
}

export interface Label {
  depth: 1 | 2 | 3;
  number: string | null;
  title: string; // '' when the title is the next block
  labelled: boolean; // a word ("Goal"), not only a number
  /** The label as written when it letters the item ("Goal A", "Objective 1.B", "C."): numbered by its place. */
  letter?: string;
}

/** "Goal A", "Objective 1.B", "Objective A.2": a capital letter for a number, then the end or a colon, dash, stop or bracket. */
const LETTERED = new RegExp(String.raw`^(${GOAL_WORD}|${OBJ_WORD}|${SUB_WORD})\s+([A-Za-z](?:\.\d+)?|\d+\.[A-Za-z])(?:\s*[:.\-–—)]\s*(.*)|\s*)$`, 'i');
/** "A. Title", "B) Title": a capital letter alone as the label. */
const BARE_LETTER = /^([A-Z])[.)]\s+(\S.*)$/;

/** The label a block's text starts with, if any. */
export function readLabel(text: string): Label | null {
  const t = plain(text);
  const m = LABEL.exec(t);
  if (m) {
    const number = m[2] ? arabic(m[2]) : null;
    const title = m[3].trim();
    // A word alone ("Priority is given ...") is a label only with a number or with nothing after it.
    if (number || !title) return { depth: depthOfWord(m[1]), number, title, labelled: true };
  }
  const l = LETTERED.exec(t);
  if (l && /[A-Z]/.test(l[2]) && !/[a-z]/.test(l[2])) {
    const title = (l[3] ?? '').trim();
    if (!title || /^[\p{Lu}\p{N}"“'(]/u.test(title)) return { depth: depthOfWord(l[1]), number: null, title, labelled: true, letter: `${l[1]} ${l[2]}` };
  }
  const d = DOTTED.exec(t);
  if (d && /^[\p{Lu}\p{N}"“'(]/u.test(d[2]) && wordCount(d[2]) <= 40) {
    return { depth: d[1].split('.').length as 2 | 3, number: d[1], title: d[2], labelled: false };
  }
  return null;
}

/** "A. Title": a capital letter as a label, and the title after it (the item's depth comes from its place). */
export function bareLetter(text: string): { letter: string; title: string } | null {
  const m = BARE_LETTER.exec(plain(text));
  return m && /^[\p{Lu}\p{N}"“(]/u.test(m[2]) && wordCount(m[2]) <= 30 ? { letter: `${m[1]}.`, title: m[2] } : null;
}

// ---------------------------------------------------------------- kinds of paragraph

const ENDS_SENTENCE = /[.!?]["”’)]?$/;
/** Short, no full stop, not cut in the middle of a clause: could be a heading. */
function titleLike(t: string): boolean {
  const p = plain(t);
  return (
    p.length > 0 &&
    p.length <= 100 &&
    wordCount(p) <= 14 &&
    !/[.!?,;:]$/.test(p) &&
    !/\s(and|or|of|the|to|for|in|with|a|an)$/i.test(p) &&
    /^[\p{Lu}\p{N}"“(]/u.test(p)
  );
}
/** The title of a label written alone on its line ("GOAL 1", then the title): may be long, but is no sentence. */
const titleAfterLabel = (t: string) => {
  const p = plain(t);
  return p.length > 0 && wordCount(p) <= 30 && !/[.!?;:]$/.test(p) && /^[\p{Lu}\p{N}"“(]/u.test(p);
};
const longParagraph = (b: Block | undefined) => !!b && b.kind === 'paragraph' && (ENDS_SENTENCE.test(plain(b.text)) || wordCount(b.text) >= 12);

const MISSION = /^(?:(?:our|the)\s+)?mission(?:\s+statement)?$/i;
const VISION = /^(?:(?:our|the)\s+)?vision(?:\s+statement)?$/i;
const VALUES = /^(?:(?:our|the|core|shared|guiding)\s+)*values(?:\s+statement)?$/i;
const INLINE = /^(?:(?:our|the)\s+)?(mission|vision)(?:\s+statement)?\s*[:–—]\s*(\S.*)$/i;
const ORGANIZATION = /\b(organi[sz]ation(al)?(\s+structure|\s+chart)?|structure|directorates|divisions|departments|bureaus|offices|components|leadership|governance|who we are)\b/i;
const GOALS_SECTION = /^(?:[\p{L}\p{N}'’-]+\s+){0,3}(?:goals|priorities|pillars|themes|directions)(?:\s*(?:and|&|,)\s*(?:objectives|strategies|actions))?$/iu;
/** "Our mission is to ...": the whole paragraph is the statement. */
const INLINE_IS = /^(?:our|the\s+[\p{L}.&' ]+?['’]s)\s+(mission|vision)\s+is\s+(?:to\s+)?\S/iu;
const CONTENTS = /^(?:table\s+of\s+)?contents$/i;
/** Sections that end the goals (text after them belongs to no goal). */
const END_SECTION = /^(conclusion|closing|in closing|appendix|appendices|annex|glossary|acronyms|abbreviations|acknowledge?ments|references|endnotes|notes|contact|measuring (progress|success)|performance measures)\b/i;
/** Known sections that are not a value's name. */
const KNOWN_SECTION = /\b(organi[sz]ation|structure|overview|introduction|message|scope|purpose|contents|mission|vision|goals?|objectives|conclusion|appendix|about|history|background|leadership|offices|directorates|divisions|departments|plan)\b/i;
const UNIT_WORD = /(^(the\s+)?(office|department|division|bureau|directorate|center|centre|program|school|college|institute|agency|board|commission|unit|branch|service)\b)|\b(office|department|division|bureau|directorate|center|centre|operations|investigations|administration|services|affairs|school|college|institute|council)$/i;
const UNIT_KIND = /^(?:the\s+)?(office|department|division|bureau|directorate|center|centre|school|college|institute|agency|board|commission|branch|council)\b/i;

// ---------------------------------------------------------------- acronyms

interface Acronym {
  name: string;
  acronym: string;
}

/** "Enforcement and Removal Operations (ERO)": names whose capitals spell the acronym in brackets after them. */
function findAcronyms(blocks: Block[]): Acronym[] {
  const found: Acronym[] = [];
  const seen = new Set<string>();
  const re = /\(([A-Z][A-Za-z&]{1,9})\)/g;
  for (const b of blocks) {
    if (b.kind === 'break') continue;
    const t = plain(b.text);
    for (let m; (m = re.exec(t)); ) {
      const acronym = m[1];
      const letters = acronym.replace(/&/g, '').toUpperCase();
      if (letters.length < 2 || !/^[A-Z&]+$/.test(acronym.replace(/[a-z]/g, ''))) continue;
      const words = t.slice(0, m.index).trim().split(/\s+/).slice(-12);
      const name = nameFor(words, letters);
      if (!name || seen.has(acronym)) continue;
      seen.add(acronym);
      found.push({ name, acronym });
    }
  }
  return found;
}

/** The shortest run of words ending `words` whose initials spell `letters` (small words may be skipped), extended left over "U.S."-like words. */
function nameFor(words: string[], letters: string): string | undefined {
  for (let k = 1; k <= words.length; k++) {
    const run = words.slice(-k).map((w) => w.replace(/^[("“]+|[,;:"”]+$/g, ''));
    if (!/^\p{Lu}/u.test(run[0])) continue;
    if (spells(run, letters)) {
      let start = words.length - k;
      while (start > 0 && /^(\p{Lu}\.)+$/u.test(words[start - 1])) start--;
      const name = words.slice(start).join(' ').replace(/^[("“]+|[,;:"”]+$/g, '');
      return name.replace(/^the\s+/i, (s) => (start === words.length - k ? '' : s));
    }
  }
  return undefined;
}

function spells(run: string[], letters: string): boolean {
  // Every capitalized word gives its initial, in order; small words may give theirs or not.
  const go = (i: number, j: number): boolean => {
    if (i === run.length) return j === letters.length;
    const w = run[i];
    const initial = w[0]?.toUpperCase();
    const small = SMALL.has(w.toLowerCase());
    if (!small && !/^\p{Lu}/u.test(w) && !/^&$/.test(w)) return false;
    if (w === '&') return go(i + 1, j);
    // A word may give more than one letter when the acronym takes two from it (e.g. "OPLA"? no: one each).
    if (j < letters.length && initial === letters[j] && go(i + 1, j + 1)) return true;
    return small && go(i + 1, j);
  };
  return go(0, 0);
}

function initials(name: string): string {
  const id = name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .filter((w) => !SMALL.has(w.toLowerCase()) && /^\p{L}/u.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
  return /^[A-Za-z]/.test(id) ? id : 'U' + id;
}

// ---------------------------------------------------------------- the finder

interface Claim {
  number: string | null;
  source: 'heading' | 'toc' | 'children' | 'place';
  letter?: boolean; // a lettered heading: no number, by design
  at: number;
  text?: string; // the heading as written
}

interface Node {
  depth: 1 | 2 | 3;
  at: number;
  titles: { text: string; at: number; source: 'heading' | 'toc' }[];
  claims: Claim[];
  paras: string[];
  children: Node[];
  fromList?: boolean; // started by a list item, not a heading
  table?: number; // started by a row of the table at this place
  letter?: string; // lettered, not numbered ("Goal A"): numbered by its place
  leads?: { text: string; at: number; column: string }[]; // a table's "Lead" cells
  id?: string;
  title?: string;
}

interface TocEntry {
  depth: 1 | 2 | 3;
  number: string;
  title: string;
  at: number;
  used?: boolean;
}

export function findStructure(input: Block[], place: 'line' | 'paragraph' = 'line'): StructureResult {
  const blocks = input;
  const report: ReportLine[] = [];
  const where = (at: number) => `${place} ${at}`;
  const say = (at: number, message: string) => report.push({ at, message });
  const text = (b: Block) => (b.kind === 'break' ? '' : b.text);
  const next = (i: number) => {
    for (let j = i + 1; j < blocks.length; j++) if (blocks[j].kind !== 'break') return j;
    return -1;
  };
  const heading1 = (i: number) => {
    const b = blocks[i];
    if (!b || b.kind === 'break') return false;
    if (b.kind === 'heading') return true;
    if (b.kind !== 'paragraph' || !titleLike(b.text)) return false;
    const n = next(i);
    return n >= 0 && (longParagraph(blocks[n]) || blocks[n].kind === 'heading' || blocks[n].kind === 'item' || !!readLabel(text(blocks[n])));
  };
  const isHeading = (i: number) => {
    if (heading1(i)) return true;
    const b = blocks[i];
    const n = next(i);
    return b?.kind === 'paragraph' && titleLike(b.text) && n >= 0 && heading1(n);
  };

  const acronyms = findAcronyms(blocks);
  const acronymOf = (name: string) => acronyms.find((a) => norm(a.name) === norm(name.replace(/^the\s+/i, '')))?.acronym;

  // ---- title: the first headings before anything else (Word's Title style first)
  const used = new Set<number>();
  let title = '';
  const titleStyle = blocks.findIndex((b) => b.kind === 'heading' && b.level === 0);
  if (titleStyle >= 0) {
    title = plain(text(blocks[titleStyle]));
    used.add(titleStyle);
  } else {
    const parts: string[] = [];
    for (let i = 0; i < blocks.length && parts.length < 3; i++) {
      const b = blocks[i];
      if (b.kind === 'break') {
        if (parts.length) break;
        continue;
      }
      const t = plain(b.text);
      if (CONTENTS.test(t) || readLabel(t) || MISSION.test(t) || VISION.test(t) || (b.kind === 'heading' && parts.length && b.level > 1)) break;
      if (b.kind === 'heading' && b.level <= 1) {
        parts.push(t);
        used.add(i);
        if (b.level === 1) break;
        continue;
      }
      if (b.kind !== 'paragraph' || !titleLike(t) || wordCount(t) > 12) break;
      parts.push(t);
      used.add(i);
    }
    title = parts.map(titleCase).join(' ');
  }

  // ---- table of contents
  const toc: TocEntry[] = [];
  const contents = blocks.findIndex((b) => b.kind !== 'break' && CONTENTS.test(plain(b.text)));
  if (contents >= 0) {
    used.add(contents);
    for (let i = contents + 1; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind === 'break') continue;
      const t = plain(b.text).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); // Markdown links: their text
      // Under a Contents heading (Markdown, Word), everything up to the next heading; in plain text, lines with page numbers.
      const underHeading = blocks[contents].kind === 'heading';
      const entry = underHeading ? b.kind !== 'heading' : /^\d{1,3}\s+\S/.test(t) || /\S(\s*\.{2,}\s*|\s+|\s*…\s*)\d{1,3}$/.test(t);
      if (!entry) break;
      used.add(i);
      const body = underHeading ? t.replace(/(\s*\.{2,}\s*|\s*…\s*)\d{1,3}$/, '') : t.replace(/^\d{1,3}\s+/, '').replace(/(\s*\.{2,}\s*|\s*…\s*|\s+)\d{1,3}$/, '');
      const labels = [...body.matchAll(TOC_LABEL)];
      labels.forEach((m, k) => {
        const end = k + 1 < labels.length ? labels[k + 1].index! : body.length;
        const entryTitle = body.slice(m.index! + m[0].length, end).trim();
        if (entryTitle) toc.push({ depth: depthOfWord(m[1]), number: arabic(m[2]), title: entryTitle, at: b.at });
      });
      if (!labels.length) {
        const d = DOTTED.exec(body);
        const n = NUMBERED.exec(body);
        if (d) toc.push({ depth: d[1].split('.').length as 2 | 3, number: d[1], title: d[2], at: b.at });
        else if (n) toc.push({ depth: 1, number: n[1], title: n[2], at: b.at });
      }
    }
  }

  // ---- where the goals start
  let goalsSection: number | undefined; // heading level of a "Goals" heading, whose sub-headings are goals
  let numbered: number | undefined; // goals written "1. Title" (heading level, -1 for paragraphs), each followed by its "1.1 ..."
  /** "1. Student Success" (a heading or a heading-like paragraph) whose number the next dotted number ("1.1 ...") starts with. */
  const numberedGoal = (i: number): boolean => {
    const b = blocks[i];
    if (b.kind === 'break' || b.kind === 'item') return false;
    const m = NUMBERED.exec(plain(b.text));
    if (!m || DOTTED.test(plain(b.text)) || (b.kind === 'paragraph' && !titleLike(m[2]))) return false;
    if (numbered !== undefined && (b.kind === 'heading' ? b.level : -1) !== numbered) return false;
    for (let j = i + 1; j < blocks.length && j < i + 400; j++) {
      const x = blocks[j];
      if (x.kind === 'break') continue;
      const d = DOTTED.exec(plain(x.text));
      if (d) return d[1].split('.')[0] === m[1] && d[1].split('.').length === 2;
      if (NUMBERED.test(plain(x.text)) && (x.kind === 'heading' || titleLike(x.text))) return false;
    }
    return false;
  };
  let start = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (used.has(i) || b.kind === 'break') continue;
    const l = b.kind === 'row' ? rowLabel(b, []) : readLabel(b.text);
    if (l && b.kind === 'row') {
      start = i;
      break;
    }
    if (l && l.depth === 1 && (l.number || l.letter || l.title === '')) {
      start = i;
      break;
    }
    if (numberedGoal(i)) {
      numbered = b.kind === 'heading' ? b.level : -1;
      start = i;
      break;
    }
    if (b.kind === 'heading' && GOALS_SECTION.test(plain(b.text))) {
      goalsSection = b.level;
      used.add(i);
      start = i + 1;
      break;
    }
  }

  // ---- before the goals: mission, vision, values, units; the rest is reported as left out
  const plan: ImportedPlan = { planwright: 1, title: title || '', goals: [] };
  const values: { name: string; description?: string }[] = [];
  const units: { id: string; name: string; kind?: string; description?: string }[] = [];
  const front = start < 0 ? blocks.length : start;
  const mentioned: Acronym[] = []; // units named in an organization section's text
  {
    type Section = { head?: number; body: number[] };
    const sections: Section[] = [];
    let cur: Section = { body: [] };
    for (let i = 0; i < front; i++) {
      if (used.has(i) || blocks[i].kind === 'break' || blocks[i].kind === 'tableEnd') continue;
      if (isHeading(i)) {
        sections.push(cur);
        cur = { head: i, body: [] };
      } else cur.body.push(i);
    }
    sections.push(cur);
    const paragraphs = (s: Section) => s.body.map((i) => bodyText(blocks[i])).filter(Boolean);
    let mode: 'values' | 'units' | undefined;
    let modeLevel = 99;
    for (const s of sections) {
      const head = s.head === undefined ? undefined : blocks[s.head];
      const h = head ? plain(text(head)) : '';
      const level = head?.kind === 'heading' ? head.level : 99;
      if (mode && level <= modeLevel && head?.kind === 'heading' && level !== 99) mode = undefined;
      // Inline "Mission: ..." anywhere in the front matter.
      const inline = (i: number) => {
        const t = plain(text(blocks[i]));
        const m = INLINE.exec(t);
        if (m) plan[m[1].toLowerCase() as 'mission' | 'vision'] = m[2];
        const is = !m && INLINE_IS.exec(t);
        if (is && !plan[is[1].toLowerCase() as 'mission' | 'vision']) plan[is[1].toLowerCase() as 'mission' | 'vision'] = text(blocks[i]);
        return !!(m || is);
      };
      if (head && INLINE.test(h)) inline(s.head!);
      if (head && MISSION.test(h)) {
        plan.mission = paragraphs(s).join('\n\n') || plan.mission;
        mode = undefined;
        continue;
      }
      if (head && VISION.test(h)) {
        plan.vision = paragraphs(s).join('\n\n') || plan.vision;
        mode = undefined;
        continue;
      }
      if (head && VALUES.test(h)) {
        mode = 'values';
        modeLevel = level;
        for (const i of s.body) {
          const v = inlineValue(text(blocks[i]));
          if (v) values.push(v);
        }
        continue;
      }
      if (head && ORGANIZATION.test(h) && !KNOWN_SECTION.test(h.replace(ORGANIZATION, '')) || (head && ORGANIZATION.test(h) && !UNIT_WORD.test(h))) {
        mode = 'units';
        modeLevel = level;
        // Units named with their acronyms in the section's text ("... Operations (ERO), ...").
        for (const i of s.body) mentioned.push(...findAcronyms([blocks[i]]));
        continue;
      }
      if (mode === 'values' && head && wordCount(h) <= 4 && !KNOWN_SECTION.test(h) && !readLabel(h)) {
        values.push({ name: h, ...(s.body.length ? { description: paragraphs(s).join('\n\n') } : {}) });
        continue;
      }
      const named = /^(.+?)\s*\(([A-Z][A-Za-z&]{1,9})\)$/.exec(h); // "Enforcement and Removal Operations (ERO)"
      if (mode === 'units' && named) {
        addUnit(named[1], paragraphs(s).join('\n\n') || undefined, named[2]);
        continue;
      }
      if (mode === 'units' && head && (acronymOf(h) || UNIT_WORD.test(h) || !s.body.length)) {
        if (s.body.length || acronymOf(h)) addUnit(h, paragraphs(s).join('\n\n') || undefined);
        continue;
      }
      mode = undefined;
      let placed = false;
      for (const i of s.body) placed = inline(i) || placed;
      if (!placed && head && s.body.length) {
        say(head.at, `${quote(h)} (${s.body.length === 1 ? 'one paragraph' : `${s.body.length} paragraphs`}) is not a part of a plan (mission, vision, values, units, goals): left out.`);
      }
    }
  }
  // Units the organization section names with an acronym but gives no heading of their own.
  for (const a of mentioned) addUnit(a.name, undefined, a.acronym);
  function addUnit(name: string, description: string | undefined, acronym = acronymOf(name)) {
    const clean = name.replace(/^the\s+/i, '');
    const existing = units.find((u) => norm(u.name) === norm(clean));
    if (existing) {
      if (description && !existing.description) existing.description = description;
      return;
    }
    let id = acronym ?? initials(clean);
    for (let k = 2; units.some((u) => u.id === id); k++) id = (acronym ?? initials(clean)) + k;
    const kind = UNIT_KIND.exec(clean)?.[1].toLowerCase();
    units.push({ id, name: clean, ...(kind ? { kind } : {}), ...(description ? { description } : {}) });
  }

  // ---- the goals
  const goals: Node[] = [];
  const levels = new Map<number, { depth: 1 | 2 | 3; from: 'label' | 'section' }>();
  if (goalsSection !== undefined) for (let d = 1; d <= 3; d++) levels.set(goalsSection + d, { depth: d as 1 | 2 | 3, from: 'section' });
  let stack: Node[] = []; // the open goal, objective, sub-objective
  let current: Node | undefined; // where narrative goes
  let listLines = false;
  const dataTables: { at: number; node: Node; rows: number; head: string[] }[] = [];
  let leftOut: { at: number; head: string; n: number } | undefined;
  const flushLeftOut = () => {
    if (leftOut && leftOut.n) say(leftOut.at, `${quote(leftOut.head)} (${leftOut.n === 1 ? 'one paragraph' : `${leftOut.n} paragraphs`}) ${goals.length ? 'after the goals' : 'before the first goal'} belongs to no goal: left out.`);
    leftOut = undefined;
  };
  const open = (depth: 1 | 2 | 3, at: number, titleText: string, claim: Claim | null, headingAt: number): Node => {
    flushLeftOut();
    let parentList: Node[];
    if (depth === 1) parentList = goals;
    else {
      let parent = stack[depth - 2];
      if (!parent) {
        // An objective before any goal, a sub-objective before any objective: a place is made for it.
        const up = (depth - 1) as 1 | 2;
        say(at, `${depth === 2 ? 'Objective' : 'Sub-objective'} ${quote(plain(titleText))} comes before any ${up === 1 ? 'goal' : 'objective'}: put under a ${up === 1 ? 'goal' : 'objective'} with no title.`);
        parent = open(up, at, '', null, at);
        parent.titles = [];
      }
      parentList = parent.children;
    }
    const node: Node = { depth, at, titles: titleText ? [{ text: plain(titleText), at: headingAt, source: 'heading' }] : [], claims: claim ? [claim] : [], paras: [], children: [] };
    parentList.push(node);
    stack = [...stack.slice(0, depth - 1), node];
    current = node;
    listLines = false;
    return node;
  };

  for (let i = Math.max(start, 0); start >= 0 && i < blocks.length; i++) {
    const b = blocks[i];
    if (used.has(i) || b.kind === 'break') continue;
    if (b.kind === 'tableEnd') {
      // After a table of objectives, narrative is the item's the table stood under again.
      const k = stack.findIndex((n) => n.table === b.table);
      if (k >= 0) {
        stack = stack.slice(0, Math.max(k, 1));
        current = stack[stack.length - 1];
      }
      continue;
    }
    const t = plain(b.text);
    if (b.kind === 'cell' && current) {
      if (b.lead) (current.leads ??= []).push({ text: b.text, at: b.at, column: b.column ?? 'Lead' });
      else current.paras.push(b.column ? `${b.column}: ${b.text}` : b.text);
      listLines = false;
      continue;
    }
    if (b.kind === 'table' && current) {
      current.paras.push(b.text);
      dataTables.push({ at: b.at, node: current, rows: b.rows, head: b.head });
      listLines = false;
      continue;
    }
    let label = b.kind === 'row' ? rowLabel(b, stack) : readLabel(b.text);
    if (label && !label.labelled && !stack[label.depth - 2] && b.kind !== 'row') label = null; // "2.5 million ..." before any goal
    // "A. Title" under a goal: an objective; under an objective, a sub-objective; "B." after "A." its sibling.
    if (!label && stack.length && (b.kind === 'heading' || b.kind === 'row' || (b.kind === 'paragraph' && titleLike(bareLetter(b.text)?.title ?? '')))) {
      const bl = bareLetter(b.text);
      if (bl) {
        const prev = [...stack].reverse().find((n) => n.letter && /^[A-Z]\.$/.test(n.letter));
        const follows = prev && prev.letter!.charCodeAt(0) + 1 === bl.letter.charCodeAt(0);
        const depth = follows ? prev!.depth : (Math.min(3, stack[stack.length - 1].depth + 1) as 1 | 2 | 3);
        if (depth > 1 && (follows || bl.letter === 'A.')) label = { depth, number: null, title: bl.title, labelled: false, letter: bl.letter };
      }
    }
    if (!label && numbered !== undefined && numberedGoal(i)) {
      const m = NUMBERED.exec(t)!;
      label = { depth: 1, number: m[1], title: m[2], labelled: false };
    }
    // A heading under a "Goals" heading, or at a level labelled headings showed: an item by its level.
    if (!label && b.kind === 'heading') {
      const lv = levels.get(b.level);
      if (lv && lv.from === 'section') {
        const m = NUMBERED.exec(t) ?? DOTTED.exec(t);
        label = { depth: lv.depth, number: m ? m[1] : null, title: m ? m[2] : t, labelled: false };
      }
    }
    // An ordered list item with no number of its own, under an item started by a heading: the next level down.
    const headed = [...stack].reverse().find((n) => !n.fromList);
    if (!label && b.kind === 'item' && b.ordered && headed && headed.depth + 1 + b.level <= 3) {
      label = { depth: (headed.depth + 1 + b.level) as 2 | 3, number: null, title: t, labelled: false };
    }
    if (label) {
      if (b.kind === 'heading' && (label.labelled || (label.depth === 1 && numbered === b.level)) && !levels.has(b.level)) {
        levels.set(b.level, { depth: label.depth, from: 'label' });
        for (let d = label.depth + 1; d <= 3; d++) if (!levels.has(b.level + d - label.depth)) levels.set(b.level + d - label.depth, { depth: d as 2 | 3, from: 'section' });
      }
      let titleText = label.title;
      let headingAt = b.at;
      if (!titleText) {
        const n = next(i);
        if (n >= 0 && blocks[n].kind !== 'item' && !readLabel(text(blocks[n])) && titleAfterLabel(text(blocks[n]))) {
          titleText = plain(text(blocks[n]));
          headingAt = blocks[n].at;
          used.add(n);
        }
      }
      const claim: Claim = { number: label.number, source: 'heading', at: b.at, text: t };
      // The same item again (a repeated banner, a running header): its heading is one more reading of its number.
      const same = stack[label.depth - 1];
      if (same && titleText && same.titles.some((x) => norm(x.text) === norm(titleText)) && (label.depth === 3 || stack.length === label.depth || !same.children.length || label.number === null || same.claims.some((c) => c.number === label!.number))) {
        same.claims.push(claim);
        same.titles.push({ text: plain(titleText), at: headingAt, source: 'heading' });
        continue;
      }
      const node = open(label.depth, b.at, titleText, claim, headingAt);
      if (!titleText) say(b.at, `${quote(t)} has no title: give it one in the plan.`);
      if (b.kind === 'item') node.fromList = true;
      if (b.kind === 'row') node.table = b.table;
      if (label.letter) {
        node.letter = label.letter;
        claim.letter = true;
      }
      continue;
    }
    // A heading that ends the goals ("Appendix"), or one at a goal's level that is no goal.
    const lv = b.kind === 'heading' ? levels.get(b.level) : undefined;
    const minLevel = Math.min(...levels.keys());
    const ends =
      (b.kind === 'heading' && (lv?.from === 'label' || b.level < minLevel || (goalsSection !== undefined && b.level <= goalsSection))) ||
      (isHeading(i) && END_SECTION.test(t));
    if (ends) {
      flushLeftOut();
      current = undefined;
      stack = [];
      leftOut = { at: b.at, head: t, n: 0 };
      continue;
    }
    if (!current) {
      if (leftOut) leftOut.n++;
      else leftOut = { at: b.at, head: t, n: 1 };
      continue;
    }
    // A fragment that is no sentence ("eland city": text of a picture, a cut line): reported, not copied.
    if (b.kind === 'paragraph' && wordCount(t) <= 3 && /^\p{Ll}/u.test(t) && !/[.!?:]$/.test(t)) {
      say(b.at, `${quote(t)} is a fragment, not a sentence (text from a picture or a cut line?): left out.`);
      continue;
    }
    // A line alone on its page (a back cover, a caption): no narrative.
    const alone = (j: number) => j < 0 || j >= blocks.length || blocks[j].kind === 'break';
    if (b.kind === 'paragraph' && titleLike(t) && alone(i - 1) && alone(i + 1)) {
      say(b.at, `${quote(t)} stands alone on its page (a cover or a caption?): left out.`);
      continue;
    }
    const line = bodyText(b);
    if (b.kind === 'item' && listLines && current.paras.length) current.paras[current.paras.length - 1] += '\n' + line;
    else current.paras.push(line);
    listLines = b.kind === 'item';
  }
  flushLeftOut();

  // ---- numbers and titles: every reading is a vote
  for (const e of toc) {
    const match = findNode(goals, e);
    if (match) {
      match.claims.push({ number: e.number, source: 'toc', at: e.at });
      match.titles.push({ text: e.title, at: e.at, source: 'toc' });
      e.used = true;
    }
  }
  resolve(goals, undefined);
  for (const e of toc) {
    if (!e.used) say(e.at, `The table of contents lists ${kindName(e.depth)} ${e.number} ${quote(e.title)}, which the text does not have: left out.`);
  }

  function findNode(list: Node[], e: TocEntry): Node | undefined {
    for (const n of list) {
      if (n.depth === e.depth && n.titles.some((t) => norm(t.text) === norm(e.title))) return n;
      const inner = findNode(n.children, e);
      if (inner) return inner;
    }
    return undefined;
  }

  function resolve(list: Node[], parentId: string | undefined) {
    list.forEach((n, k) => {
      const full = (num: string) => (parentId && num.split('.').length < n.depth ? `${parentId}.${num}` : num);
      const votes = new Map<string, Claim[]>();
      const vote = (num: string, c: Claim) => votes.set(num, [...(votes.get(num) ?? []), c]);
      const placeNumber = parentId ? `${parentId}.${k + 1}` : String(k + 1);
      vote(placeNumber, { number: placeNumber, source: 'place', at: n.at });
      for (const c of n.claims) if (c.number) vote(full(c.number), c);
      // Its children's numbers name it too (objectives 5.1–5.4 are goal 5's).
      const prefixes = new Map<string, number>();
      for (const ch of n.children) for (const c of ch.claims) {
        if (c.number && c.number.split('.').length === n.depth + 1) {
          const p = c.number.split('.').slice(0, n.depth).join('.');
          prefixes.set(p, (prefixes.get(p) ?? 0) + 1);
        }
      }
      const top = [...prefixes].sort((a, b) => b[1] - a[1])[0];
      if (top) vote(top[0], { number: top[0], source: 'children', at: n.at });
      const ranked = [...votes].sort((a, b) => b[1].length - a[1].length || (a[0] === placeNumber ? -1 : b[0] === placeNumber ? 1 : 0));
      const id = ranked[0][0];
      n.id = id;
      // Title: the one most readings give (headings first on a tie).
      const titleVotes = new Map<string, { text: string; n: number }>();
      for (const t of n.titles) {
        const key = norm(t.text);
        const v = titleVotes.get(key) ?? { text: t.text, n: 0 };
        v.n++;
        titleVotes.set(key, v);
      }
      const bestTitle = [...titleVotes.values()].sort((a, b) => b.n - a.n)[0];
      n.title = bestTitle?.text ?? '';
      const support = saying(ranked[0][1], n);
      for (const c of n.claims) {
        if (c.source === 'heading' && !c.number && !c.letter && n.claims.length > 1) {
          say(c.at, `The heading ${quote(c.text ?? '')} has no number: read as ${kindName(n.depth)} ${id}, as ${support}.`);
        } else if (c.number && full(c.number) !== id) {
          const what = c.source === 'toc' ? `The table of contents numbers ${quote(n.title)}` : `The heading ${quote(c.text ?? '')} numbers ${quote(n.title)}`;
          say(c.at, `${what} ${full(c.number)}, but ${support} ${id}: imported as ${kindName(n.depth)} ${id}.`);
        }
      }
      for (const t of n.titles) {
        if (norm(t.text) !== norm(n.title)) {
          say(t.at, `${t.source === 'toc' ? 'The table of contents' : 'A heading'} titles ${kindName(n.depth)} ${id} ${quote(t.text)}; the rest of the document says ${quote(n.title)}: kept that.`);
        }
      }
      resolve(n.children, id);
    });
  }

  function describe(claims: Claim[], n: Node): string {
    const parts: string[] = [];
    const headings = claims.filter((c) => c.source === 'heading');
    if (claims.some((c) => c.source === 'toc')) parts.push('the table of contents');
    if (headings.length) parts.push(headings.length === 1 ? `the heading at ${where(headings[0].at)}` : `the headings at ${where(headings[0].at)} and after`);
    if (claims.some((c) => c.source === 'children')) parts.push(`its ${n.depth === 1 ? 'objectives' : 'sub-objectives'}`);
    if (claims.some((c) => c.source === 'place')) parts.push('its place in the plan');
    return parts.length > 1 ? parts.slice(0, -1).join(', ') + ' and ' + parts[parts.length - 1] : parts[0];
  }
  /** `describe`'s words with their verb: "its place in the plan says", "its objectives say". */
  function saying(claims: Claim[], n: Node): string {
    const who = describe(claims, n);
    return `${who} ${/ and |^the headings |^its (sub-)?objectives$/.test(who) ? 'say' : 'says'}`;
  }

  // ---- the plan's value
  // ---- the organization (before leads are read: its acronym is no unit)
  const titleNorm = norm(plan.title);
  const org = acronyms.filter((a) => titleNorm.includes(norm(a.name))).sort((a, b) => b.name.length - a.name.length)[0];
  if (org) {
    plan.organization = { name: org.name, acronym: org.acronym };
    const u = units.findIndex((x) => x.id === org.acronym);
    if (u >= 0) units.splice(u, 1);
  } else {
    const m = /^(.+?)\s+strategic\s+plan\b/i.exec(plan.title);
    if (m && wordCount(m[1]) >= 2) plan.organization = { name: m[1] };
  }
  /** The unit a table's lead cell names: by its acronym, its name, or words of one unit's name only ("Public Works"). */
  function unitFor(part: string): string | undefined {
    const p = part.replace(/^the\s+/i, '').trim();
    const paren = /\(([A-Z][A-Za-z&]{1,9})\)$/.exec(p);
    if (paren && units.some((u) => u.id === paren[1])) return paren[1];
    const byId = units.find((u) => u.id === p);
    if (byId) return byId.id;
    const np = norm(p.replace(/\s*\([^)]*\)$/, ''));
    if (np.length < 4) return undefined;
    const byName = units.find((u) => norm(u.name) === np);
    if (byName) return byName.id;
    const within = units.filter((u) => ` ${norm(u.name)} `.includes(` ${np} `));
    return within.length === 1 ? within[0].id : undefined;
  }
  const lettered: Node[] = [];
  const item = (n: Node): ImportedItem => {
    const v: ImportedItem = { id: n.id!, title: n.title || `(untitled ${kindName(n.depth)})` };
    const description = n.paras.join('\n\n').trim();
    if (description) v.description = description;
    const notes: string[] = [];
    const lead: string[] = [];
    for (const l of n.leads ?? []) {
      const unknown: string[] = [];
      for (const part of l.text.split(/\s*[;,/\n]\s*|\s+&\s+/).map((x) => x.trim()).filter(Boolean)) {
        const id = unitFor(part);
        if (!id) unknown.push(part);
        else if (!lead.includes(id)) lead.push(id);
      }
      if (unknown.length) {
        const note = `${l.column}: ${unknown.join('; ')}`;
        notes.push(note);
        say(l.at, `The table's ${quote(l.column)} cell of ${kindName(n.depth)} ${n.id} names ${unknown.length === 1 ? 'a unit' : 'units'} the plan does not have (${unknown.map(quote).join(', ')}): kept in its notes ("${note}"). Add ${unknown.length === 1 ? 'it' : 'them'} under units: and set lead:, or delete the note.`);
      }
    }
    if (lead.length) v.lead = lead.length === 1 ? lead[0] : lead;
    if (n.letter) {
      notes.push(`Lettered "${n.letter}" in the document.`);
      lettered.push(n);
    }
    if (notes.length) v.notes = notes.join('\n');
    if (n.children.length) v[n.depth === 1 ? 'objectives' : 'subobjectives'] = n.children.map(item);
    return v;
  };
  plan.goals = goals.map(item);
  if (lettered.length) {
    const examples = lettered.slice(0, 3).map((n) => `${quote(`${n.letter}${/\.$/.test(n.letter!) ? '' : ':'} ${n.title}`)} is ${kindName(n.depth)} ${n.id}`);
    say(lettered[0].at, `${lettered.length === 1 ? 'One item is' : `${lettered.length} items are`} lettered, not numbered: numbered by ${lettered.length === 1 ? 'its place' : 'their places'} (${examples.join(', ')}${lettered.length > 3 ? ', …' : ''}); each item's letter is kept in its notes.`);
  }
  for (const d of dataTables) {
    say(d.at, `The table ${quote(d.head.join(' | '))} (${d.rows} rows) lists no goal or objective: kept as a table in the narrative of ${kindName(d.node.depth)} ${d.node.id}.`);
  }
  if (!plan.goals.length) {
    say(1, 'No goals found. Planwright looks for goals as headings or paragraphs such as "Goal 1: ...", "GOAL 1", "Strategic Priority 1", objectives as "Objective 1.1" or "1.1 ...", sub-objectives as "1.1.1 ..." or numbered lists, or headings under a heading named "Goals". Nothing imported.');
  }

  // ---- period, title
  const years = /\b((?:19|20)\d\d)\s*(?:[-–—/]|to|through)\s*((?:19|20)?\d\d)\b/i.exec(plan.title);
  if (years) {
    const s = Number(years[1]);
    const e = years[2].length === 2 ? Math.floor(s / 100) * 100 + Number(years[2]) : Number(years[2]);
    if (e >= s && e - s <= 30) plan.period = { start: s, end: e };
  }
  if (!plan.title) {
    plan.title = plan.organization ? `${plan.organization.name} Strategic Plan` : 'Imported Strategic Plan';
    say(1, `No title found at the top of the document: the plan is titled ${quote(plan.title)}; change it in the plan.`);
  }
  if (values.length) plan.values = values;
  if (units.length) plan.units = units;
  // The schema's order of fields.
  const { planwright, title: t, organization, period, mission, vision, goals: g } = plan;
  const ordered: ImportedPlan = { planwright, title: t, ...(organization && { organization }), ...(period && { period }), ...(mission && { mission }), ...(vision && { vision }), ...(plan.values && { values: plan.values }), ...(plan.units && { units: plan.units }), goals: g };
  report.sort((a, b) => a.at - b.at);
  return { plan: ordered, report };
}

/** A table row's label: what readLabel reads, or a number or letter alone before the title ("1 Safe Streets", "1.1 close gaps"), or the header's kind for a title with no label. */
function rowLabel(b: Extract<Block, { kind: 'row' }>, stack: Node[]): Label | null {
  const t = plain(b.text);
  const l = readLabel(t);
  if (l) return l; // the cell's own label ("1.1", "Goal 2") says its kind, whatever its column
  const d = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s*[:.)\-–—]?\s+(\S.*)$/.exec(t);
  if (d) {
    const dots = d[1].split('.').length as 1 | 2 | 3;
    // "1 Title" under a goal that stands outside the table: an objective numbered within it.
    const depth = b.depth ?? (dots > 1 ? dots : stack[0] && stack[0].table !== b.table ? 2 : 1);
    return { depth, number: d[1], title: d[2], labelled: false };
  }
  const bl = bareLetter(t);
  if (bl && b.depth) return { depth: b.depth, number: null, title: bl.title, labelled: false, letter: bl.letter };
  if (bl) return null; // depth by its place: the finder's rule for "A."
  return b.depth ? { depth: b.depth, number: null, title: t, labelled: false } : null;
}

const kindName = (depth: number) => (depth === 1 ? 'goal' : depth === 2 ? 'objective' : 'sub-objective');

/** A block's text as narrative: list items keep their bullet. */
function bodyText(b: Block): string {
  if (b.kind === 'break' || b.kind === 'tableEnd') return '';
  if (b.kind === 'cell' && b.column) return `${b.column}: ${b.text}`;
  if (b.kind === 'item') return `${'  '.repeat(b.level)}${b.ordered ? '1.' : '-'} ${b.text}`;
  return b.text;
}

/** "Integrity: We are ...", "**Integrity** – We are ...": a value written on one line. */
function inlineValue(t: string): { name: string; description?: string } | null {
  const m = /^\s*(?:\*\*|__)?([\p{Lu}][\p{L}' -]{0,40}?)(?:\*\*|__)?\s*(?:[:–—]|\s-\s|\.\s)\s*(\S.*)?$/u.exec(t);
  if (m && wordCount(m[1]) <= 4) return { name: m[1].trim(), ...(m[2] ? { description: m[2].trim() } : {}) };
  const p = plain(t);
  if (wordCount(p) <= 4 && titleLike(p)) return { name: p };
  return null;
}
