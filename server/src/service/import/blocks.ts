// A document to import, as the structure finder sees it: a list of blocks in reading order, each
// with the hints its format gives (a heading's level, a list item's level and kind, a page
// break). Every reader (PDF text, Markdown, Word) produces blocks; one finder reads the plan from
// them (structure.ts), so a plan in Word and the same plan in Markdown are read by the same rules.

export type Block =
  | { kind: 'paragraph'; text: string; at: number }
  /** A heading the format marks: Markdown `#`, Word's Heading 1–6 (level 0: Word's Title style). */
  | { kind: 'heading'; text: string; at: number; level: number }
  /** A list item: `level` 0 for the outermost list; `ordered` for a numbered list. */
  | { kind: 'item'; text: string; at: number; level: number; ordered: boolean }
  | { kind: 'break'; at: number }
  /**
   * A table row's plan item (tables.ts): its label cell and title, "1.1 Close sidewalk gaps",
   * "Goal 1: Safe Streets", "Objective 3.1 Open a park"; `depth` when the column's header names
   * the kind ("Goal", "Objective"). `table` is the paragraph the table starts at.
   */
  | { kind: 'row'; text: string; at: number; depth?: 1 | 2 | 3; table: number }
  /**
   * The text of another cell of a plan table, for the item its row states: narrative, or, under a
   * header naming it (`column`, as written), a labelled line; `lead` for a "Lead"/"Office"/
   * "Responsible" column.
   */
  | { kind: 'cell'; text: string; at: number; column?: string; lead?: boolean; table: number }
  /** The end of a plan table: narrative after it is no longer its last row's. */
  | { kind: 'tableEnd'; text: ''; at: number; table: number }
  /** A table that states no plan item (a budget): its text as a Markdown table, its first row's cells for the report. */
  | { kind: 'table'; text: string; at: number; rows: number; head: string[] };

/** Where a report line points: the line of a text or Markdown file, the paragraph of a Word document. */
export type Place = 'line' | 'paragraph';

export interface ReportLine {
  /** 1-based line (text, Markdown) or paragraph (Word) number. */
  at: number;
  message: string;
}

/** Ends a sentence (or a clause that may end a paragraph): a paragraph ending otherwise may go on after a page break. */
const ENDS_SENTENCE = /[.!?:;"”’)\]]\s*(\*\*|__)?$/;

/**
 * Paragraphs cut by a page break (or by a stray blank line) are joined again: a paragraph that
 * does not end a sentence, followed, after page breaks or none, by a paragraph starting with a
 * small letter. The breaks between other blocks are kept (the finder may use them), one per run.
 */
export function rejoinAcrossBreaks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'break') {
      if (out.length && out[out.length - 1].kind !== 'break') out.push(b);
      continue;
    }
    const prev = out[out.length - 1];
    const before = prev?.kind === 'break' ? out[out.length - 2] : prev;
    if (
      before &&
      before.kind === 'paragraph' &&
      b.kind === 'paragraph' &&
      !ENDS_SENTENCE.test(before.text) &&
      /^[a-z]/.test(b.text)
    ) {
      if (prev?.kind === 'break') out.pop();
      out[out.length - 1] = { ...before, text: joinWords(before.text, b.text) };
      continue;
    }
    out.push(b);
  }
  return out;
}

/** Two pieces of one paragraph: a word cut by a hyphen at the end of a line stays joined ("self-" + "service"). */
export function joinWords(a: string, b: string): string {
  return /-$/.test(a) ? a + b : `${a} ${b}`;
}
