// One entry point for every export format, shared by the CLI (which writes the file) and the
// server (which hands the bytes to the editor, `planwright/export`). The Word writer is loaded on
// first use: the server starts without evaluating the docx package.
import { htmlFile } from './html';
import { markdownFile } from './markdown';
import type { PlanDocumentModel } from './planDocument';

export type ExportFormat = 'html' | 'markdown' | 'docx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'markdown', 'docx'];
export const EXPORT_EXTENSION: Record<ExportFormat, string> = { html: '.html', markdown: '.md', docx: '.docx' };

export function isExportFormat(f: unknown): f is ExportFormat {
  return typeof f === 'string' && (EXPORT_FORMATS as readonly string[]).includes(f);
}

/** The document in a format: text for HTML and Markdown, bytes for Word. */
export async function exportDocument(d: PlanDocumentModel, format: ExportFormat): Promise<string | Uint8Array> {
  if (format === 'html') return htmlFile(d);
  if (format === 'markdown') return markdownFile(d);
  const { docxFile } = await import('./docx');
  return docxFile(d);
}

/** For the editor (`planwright/export`): the file's bytes in base64, and how many problems the plan has. */
export async function exportForEditor(d: PlanDocumentModel, format: ExportFormat): Promise<{ base64: string; errors: number; warnings: number }> {
  const out = await exportDocument(d, format);
  const bytes = typeof out === 'string' ? Buffer.from(out, 'utf8') : Buffer.from(out);
  return { base64: bytes.toString('base64'), ...d.problems };
}
