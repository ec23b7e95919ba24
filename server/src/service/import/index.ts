// Import a plan written as a document (Word, Markdown, the text of a PDF): the document is read
// into blocks by its format's reader, then one structure finder reads the plan from the blocks.
// No I/O: the bytes are handed in.
import type { Place, ReportLine } from './blocks';
import { blocksFromDocx } from './fromDocx';
import { blocksFromMarkdown } from './fromMarkdown';
import { blocksFromText } from './fromText';
import { findStructure, type ImportedPlan } from './structure';
import { writePlan } from '../writePlan';

export type { ImportedPlan, ImportedItem } from './structure';
export type { Block, ReportLine, Place } from './blocks';

export interface DocumentImport {
  plan: ImportedPlan;
  /** One line per thing that could not be placed or was overridden, in document order. */
  report: ReportLine[];
  /** What `report[].at` counts: lines (text, Markdown) or paragraphs (Word). */
  place: Place;
  counts: { goals: number; objectives: number; subobjectives: number };
  /**
   * Set when the file could not be read as its kind at all (a .docx that is not a zip of XML
   * parts; a .txt or .md that is not UTF-8 or UTF-16 text): what it is not and what to do, in words
   * that follow "it is ". The report then holds the same words as a sentence, for readers of it.
   */
  unreadable?: string;
}

/** The document formats read, by file extension. */
export const DOCUMENT_EXTENSIONS = ['.docx', '.md', '.markdown', '.txt'] as const;

export function isDocumentFile(name: string): boolean {
  return DOCUMENT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));
}

export async function importDocument(fileName: string, bytes: Uint8Array): Promise<DocumentImport> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx')) {
    let blocks;
    try {
      blocks = await blocksFromDocx(bytes);
    } catch {
      return empty('paragraph', 'This file is not a Word document that can be read (.docx: a zip of XML parts). If it is an old .doc, save it as .docx in Word first.', 'not a Word document (a .docx is a zip of XML parts; if it is an old .doc, save it as .docx in Word first)');
    }
    return finish(findStructure(blocks, 'paragraph'), 'paragraph');
  }
  const text = decode(bytes);
  if (text === undefined) return empty('line', 'This file is not text in UTF-8 (or UTF-16): save it as UTF-8 text and import it again.', 'not text in UTF-8 or UTF-16 (save it as UTF-8 text and import it again)');
  const blocks = lower.endsWith('.md') || lower.endsWith('.markdown') ? blocksFromMarkdown(text) : blocksFromText(text);
  return finish(findStructure(blocks, 'line'), 'line');
}

function decode(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Binary data that happens to decode (NUL bytes): not a text document.
    return /\u0000/.test(text.slice(0, 4096)) ? undefined : text;
  } catch {
    return undefined;
  }
}

function empty(place: Place, message: string, unreadable: string): DocumentImport {
  return { plan: { planwright: 1, title: 'Imported Strategic Plan', goals: [] }, report: [{ at: 1, message }], place, counts: { goals: 0, objectives: 0, subobjectives: 0 }, unreadable };
}

function finish(r: ReturnType<typeof findStructure>, place: Place): DocumentImport {
  let objectives = 0;
  let subobjectives = 0;
  for (const g of r.plan.goals) {
    objectives += g.objectives?.length ?? 0;
    for (const o of g.objectives ?? []) subobjectives += o.subobjectives?.length ?? 0;
  }
  return { ...r, place, counts: { goals: r.plan.goals.length, objectives, subobjectives } };
}

/** How a report line names its place: "line 12", "paragraph 12". */
export function placeOf(r: ReportLine, place: Place): string {
  return `${place} ${r.at}`;
}

/**
 * The imported plan as the YAML a person would write (writePlan.ts), headed by where it came
 * from and the report, so the notes stay with the plan until its author has gone through them.
 */
export function importedPlanText(result: DocumentImport, sourceName: string): string {
  const header = [
    `Imported from ${sourceName} by Planwright (${result.counts.goals} goals, ${result.counts.objectives} objectives, ${result.counts.subobjectives} sub-objectives).`,
    ...(result.report.length ? ['What the import could not place or overrode:', ...result.report.map((r) => `- ${placeOf(r, result.place)}: ${r.message}`)] : []),
  ];
  return writePlan(result.plan, { header });
}

/** What the editor's Import Plan from Document… gets: the plan's text (none when no goal was found), the notes and the counts. */
export interface EditorImport {
  text: string | null;
  notes: string[];
  counts: DocumentImport['counts'];
  /** Why the file is not what its name says (a .docx that is no Word document), in the writer's words. */
  unreadable?: string;
}

export async function importForEditor(fileName: string, bytes: Uint8Array): Promise<EditorImport> {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const r = await importDocument(base, bytes);
  return { text: r.counts.goals ? importedPlanText(r, base) : null, notes: r.report.map((l) => `${placeOf(l, r.place)}: ${l.message}`), counts: r.counts, ...(r.unreadable ? { unreadable: r.unreadable } : {}) };
}
