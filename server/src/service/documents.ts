// The plan documents the service knows: open editors and plan files read from disk. Each
// version of a text is parsed once; every check and feature reads the resulting model.
import type { PlanModel, Unit } from './model';
import { PlanParser } from './parse';
import { URI, Utils } from 'vscode-uri';
import { LineIndex, type TextChange } from './text';

export interface PlanDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly model: PlanModel;
  readonly lines: LineIndex;
}

interface Entry {
  doc: PlanDocument;
  parser: PlanParser;
}

/** All plans of the workspace, and the index of their units across files. */
export class PlanWorkspace {
  private readonly entries = new Map<string, Entry>();
  private unitIndex: Map<string, { uri: string; unit: Unit }[]> | undefined;
  private unitSignatures = new Map<string, string>();

  /**
   * Parses a new version of a document, reusing the unchanged blocks of the previous one.
   * `change`, when the editor says what changed since the version the workspace has, lets the
   * line index be made from the previous one.
   */
  update(uri: string, text: string, version = 0, change?: TextChange): PlanDocument {
    let entry = this.entries.get(uri);
    if (entry && entry.doc.text === text) {
      if (entry.doc.version !== version) entry.doc = { ...entry.doc, version };
      return entry.doc;
    }
    const parser = entry?.parser ?? new PlanParser();
    const model = parser.parse(text);
    const lines = entry && change ? LineIndex.afterEdit(entry.doc.lines, text, change) : new LineIndex(text);
    const doc: PlanDocument = { uri, version, text, model, lines };
    if (entry) entry.doc = doc;
    else this.entries.set(uri, (entry = { doc, parser }));
    this.noteUnits(uri, model);
    return doc;
  }

  remove(uri: string): void {
    if (this.entries.delete(uri)) this.noteUnits(uri, undefined);
  }

  get(uri: string): PlanDocument | undefined {
    return this.entries.get(uri)?.doc;
  }

  all(): PlanDocument[] {
    return [...this.entries.values()].map((e) => e.doc);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** Parser statistics of the last update of a document (benchmarks, tests). */
  parserStats(uri: string) {
    return this.entries.get(uri)?.parser.stats;
  }

  /** Units defined anywhere in the workspace, by id. */
  units(): ReadonlyMap<string, { uri: string; unit: Unit }[]> {
    if (!this.unitIndex) {
      const index = new Map<string, { uri: string; unit: Unit }[]>();
      for (const { doc } of this.entries.values()) {
        for (const unit of doc.model.units) {
          if (!unit.id) continue;
          const list = index.get(unit.id.text);
          if (list) list.push({ uri: doc.uri, unit });
          else index.set(unit.id.text, [{ uri: doc.uri, unit }]);
        }
      }
      this.unitIndex = index;
    }
    return this.unitIndex;
  }

  /** Increases whenever the set of unit ids of the workspace changes. */
  unitGeneration = 0;

  private noteUnits(uri: string, model: PlanModel | undefined): void {
    // Spans move on every keystroke; only the ids matter to other files' diagnostics.
    const sig = model ? model.units.map((u) => u.id?.text ?? '').join('\u0000') : '';
    const before = this.unitSignatures.get(uri) ?? '';
    this.unitIndex = undefined;
    if (sig !== before) this.unitGeneration++;
    if (model) this.unitSignatures.set(uri, sig);
    else this.unitSignatures.delete(uri);
  }
}

/** The file name of a plan's URI, decoded ("legal office.plan.yaml"), for messages and hovers. */
export function fileNameOf(uri: string): string {
  try {
    return Utils.basename(URI.parse(uri)) || uri;
  } catch {
    return uri;
  }
}
