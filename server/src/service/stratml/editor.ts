// The StratML import and export as the editor asks for them (requests `planwright/importStratml`
// and `planwright/export` with format `stratml`): text in, text out; the client reads and writes
// the files.
import type { PlanDocument } from '../documents';
import { writePlan } from '../writePlan';
import { exportStratml } from './export';
import { importStratml, NotStratmlError } from './import';

export interface ImportStratmlResult {
  /** The plan's YAML, when the file is StratML. */
  yaml?: string;
  /** One line: what was read; or why the file cannot be imported. */
  summary: string;
  /** "line 12: ..." per thing not carried over as it was. */
  report: string[];
}

export function importStratmlForEditor(xml: string, fileName: string): ImportStratmlResult {
  try {
    const r = importStratml(xml.replace(/^\uFEFF/, ''), fileName.replace(/\.[^.]*$/, '').replace(/[-_]+/g, ' ').trim() || undefined);
    return {
      yaml: writePlan(r.plan, { header: [`Imported from ${fileName} by Planwright: Import StratML.`] }),
      summary: r.summary,
      report: r.report.map((l) => (l.line ? `line ${l.line}${l.column ? `:${l.column}` : ''}: ${l.message}` : l.message)),
    };
  } catch (e) {
    if (e instanceof NotStratmlError) return { summary: `${fileName} cannot be imported: ${e.message}`, report: [] };
    throw e;
  }
}

/** For `planwright/export`: the StratML file's bytes in base64. */
export function exportStratmlForEditor(doc: PlanDocument, problems: { errors: number; warnings: number }, fallbackTitle: string): { base64: string; errors: number; warnings: number } {
  return { base64: Buffer.from(exportStratml(doc.model, fallbackTitle).xml, 'utf8').toString('base64'), ...problems };
}
