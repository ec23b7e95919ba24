// The plan documents the service knows: open editors and plan files read from disk. Each
// version of a text is parsed once; every check and feature reads the resulting model.
import type { PlanModel, Unit } from './model';
import { NO_SETTINGS, type RuleSettings } from './rules';
import { PlanParser } from './parse';
import { URI, Utils } from 'vscode-uri';
import { composeChanges, LineIndex, type TextChange } from './text';
import { schemaAcceptsParent } from './alignment';

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

/** A read that stopped at its deadline (see PlanWorkspace.update). */
interface Reading {
  text: string;
  version: number;
  /** What changed from the workspace's version of the text to `text`, when known. */
  change: TextChange | undefined;
  parser: PlanParser;
  steps: Generator<boolean, PlanModel, void>;
  /**
   * The read has begun moving the previous model's goals (PlanParser.read yielded true): that
   * model may no longer be read, so `get` and `all` finish this read first.
   */
  changedPrevious: boolean;
}

/** All plans of the workspace, and the index of their units across files. */
export class PlanWorkspace {
  private readonly entries = new Map<string, Entry>();
  /** Reads that stopped at their deadline (see update). */
  private readonly reading = new Map<string, Reading>();
  private unitIndex: Map<string, { uri: string; unit: Unit }[]> | undefined;
  private unitSignatures = new Map<string, string>();
  private planIndex: Map<string, PlanDocument[]> | undefined;
  /** Each plan's acronym, then every item's number and title (see noteAlignment). */
  private alignSignatures = new Map<string, string[]>();
  /** The paths each plan's `parents:` names (as written; entries the schema accepts), by plan. */
  private parentPaths = new Map<string, readonly string[]>();
  /** Plans read only because `parents:` names them, from outside the workspace (externalPlans.ts). */
  private readonly externals = new Set<string>();
  /** Why a file `parents:` names could not be read, by URI (the host says; see setUnreadable). */
  private readonly unreadable = new Map<string, string>();

  /**
   * The rule settings of each plan (its config file's, see rules.ts): the host (server, CLI) reads
   * config files and sets this; the service only asks it. A host whose settings change gives a new
   * function (or new settings objects), and checks its plans again.
   */
  rulesFor: (uri: string) => RuleSettings = () => NO_SETTINGS;

  /**
   * Parses a new version of a document, reusing the unchanged blocks of the previous one.
   * `change`, when the editor says what changed since the version the workspace has, lets the
   * line index be made from the previous one.
   *
   * With a `deadline` (ms on `now`'s clock) the read may stop there, a goal at a time, and answer
   * undefined: the previous version stays what `get` gives until a later call with the same text
   * (any deadline, or none) finishes it. A call with another text abandons it and starts over.
   */
  update(uri: string, text: string, version?: number, change?: TextChange): PlanDocument;
  update(uri: string, text: string, version: number | undefined, change: TextChange | undefined, deadline: number, now?: () => number): PlanDocument | undefined;
  update(uri: string, text: string, version = 0, change?: TextChange, deadline = Infinity, now: () => number = () => performance.now()): PlanDocument | undefined {
    let read = this.reading.get(uri);
    if (read && read.text !== text) {
      if (read.changedPrevious) {
        // The previous model is already changed in place: finish that read; the new change is
        // counted from its text, which is now the workspace's.
        this.update(uri, read.text, read.version);
      } else {
        // Not started on the previous model: abandoned, the new change counted from its base.
        change = read.change && change ? composeChanges(read.change, change) : undefined;
        this.cancel(uri);
      }
      read = undefined;
    }
    let entry = this.entries.get(uri);
    if (!read) {
      if (entry && entry.doc.text === text) {
        if (entry.doc.version !== version) entry.doc = { ...entry.doc, version };
        return entry.doc;
      }
      const parser = entry?.parser ?? new PlanParser();
      read = { text, version, change, parser, steps: parser.read(text), changedPrevious: false };
      this.reading.set(uri, read);
    }
    read.version = version;
    for (;;) {
      const r = read.steps.next();
      if (r.done) {
        this.reading.delete(uri);
        const model = r.value;
        const lines = entry && read.change ? LineIndex.afterEdit(entry.doc.lines, text, read.change) : new LineIndex(text);
        const doc: PlanDocument = { uri, version, text, model, lines };
        if (entry) entry.doc = doc;
        else this.entries.set(uri, (entry = { doc, parser: read.parser }));
        this.noteUnits(uri, model);
        this.noteAlignment(uri, model);
        this.noteParents(uri, model);
        return doc;
      }
      if (r.value) read.changedPrevious = true;
      if (deadline !== Infinity && now() >= deadline) return undefined;
    }
  }

  /** Finishes a read that has started changing the previous model: nothing may read that model now. */
  private settle(uri: string): void {
    const read = this.reading.get(uri);
    if (read?.changedPrevious) this.update(uri, read.text, read.version);
  }

  /** True while a read of `uri` stopped at its deadline and waits to be finished. */
  isReading(uri: string): boolean {
    return this.reading.has(uri);
  }

  private cancel(uri: string): void {
    const read = this.reading.get(uri);
    if (!read) return;
    this.reading.delete(uri);
    read.steps.return(undefined as never);
  }

  remove(uri: string): void {
    this.cancel(uri);
    this.externals.delete(uri);
    if (this.entries.delete(uri)) {
      this.noteUnits(uri, undefined);
      this.noteAlignment(uri, undefined);
      this.noteParents(uri, undefined);
    }
  }

  /**
   * Marks a plan as read only because another plan's `parents:` names it, from outside the
   * workspace (or unmarks it: opened in the editor, or found in the workspace). Such a plan
   * resolves `aligns` entries and units like any other, but is not one of the workspace's plans
   * (Plan view, workspace symbols), its problems are not published, and no edit changes it
   * (externalPlans.ts). The host that reads the files decides.
   */
  setExternal(uri: string, external: boolean): void {
    if (external) this.externals.add(uri);
    else this.externals.delete(uri);
  }

  /**
   * Why the file at `uri`, which a plan's `parents:` names, could not be read ("the link loops
   * back on itself"), or undefined to forget it: the host that reads files says, and the entries
   * naming it say so instead of "no plan is there".
   */
  setUnreadable(uri: string, why: string | undefined): void {
    if (this.unreadable.get(uri) === why) return;
    if (why === undefined) this.unreadable.delete(uri);
    else this.unreadable.set(uri, why);
    this.alignmentGeneration++;
  }

  /** Why the file at `uri` could not be read (setUnreadable), if it could not. */
  unreadableWhy(uri: string): string | undefined {
    return this.unreadable.get(uri);
  }

  /** Whether `uri` is a plan read only because `parents:` names it (setExternal). */
  isExternal(uri: string): boolean {
    return this.externals.has(uri);
  }

  get(uri: string): PlanDocument | undefined {
    this.settle(uri);
    return this.entries.get(uri)?.doc;
  }

  all(): PlanDocument[] {
    for (const uri of [...this.reading.keys()]) this.settle(uri);
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

  /**
   * The plans of the workspace by their `organization.acronym` (the plans `aligns` entries name):
   * more than one for an acronym means `parents:` must say which (alignment.ts).
   */
  plansByAcronym(): ReadonlyMap<string, PlanDocument[]> {
    if (!this.planIndex) {
      const index = new Map<string, PlanDocument[]>();
      for (const { doc } of this.entries.values()) {
        const a = doc.model.organization?.acronym?.trim();
        if (!a) continue;
        const list = index.get(a);
        if (list) list.push(doc);
        else index.set(a, [doc]);
      }
      for (const list of index.values()) list.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : 0));
      this.planIndex = index;
    }
    return this.planIndex;
  }

  /**
   * Increases whenever what other plans' `aligns` entries can name changes: a plan's acronym, or
   * the numbers and titles of its goals, objectives and sub-objectives (or a plan comes or goes).
   * The server checks every plan again then, as for units.
   */
  alignmentGeneration = 0;

  private noteAlignment(uri: string, model: PlanModel | undefined): void {
    this.planIndex = undefined;
    const acronym = model?.organization?.acronym?.trim();
    // A plan without an acronym is named by no entry: its items do not matter to other plans.
    // The parts are kept and compared one by one, not joined: joining a 63k-line plan's 36,000
    // numbers and titles made a 1.1 MB string on every read (~5 ms of a first open, ~2.5 ms of a
    // keystroke), and a NUL inside a title could make two different lists join alike. The parts
    // are the model's own strings: a reused goal's compare as one pointer.
    let sig: string[] | undefined;
    if (model && acronym) {
      const items = model.items;
      sig = new Array<string>(1 + 2 * items.length);
      sig[0] = acronym;
      for (let i = 0; i < items.length; i++) {
        sig[1 + 2 * i] = items[i].id?.text ?? '';
        sig[2 + 2 * i] = items[i].title ?? '';
      }
    }
    if (!sameParts(sig, this.alignSignatures.get(uri))) this.alignmentGeneration++;
    if (sig) this.alignSignatures.set(uri, sig);
    else this.alignSignatures.delete(uri);
  }

  /**
   * Increases whenever a plan's `parents:` paths change (or a plan naming parents comes or goes):
   * the server then works out again which parent files to read (externalPlans.ts).
   */
  parentsGeneration = 0;

  private noteParents(uri: string, model: PlanModel | undefined): void {
    const paths = (model?.parents ?? []).filter(schemaAcceptsParent).map((p) => p.path.text);
    const before = this.parentPaths.get(uri) ?? [];
    if (paths.length !== before.length || paths.some((p, i) => p !== before[i])) this.parentsGeneration++;
    if (paths.length) this.parentPaths.set(uri, paths);
    else this.parentPaths.delete(uri);
  }

  /**
   * The paths `uri`'s `parents:` names, as written, in its last version read: neither finishes a
   * read under way nor reads a model (asked for every plan when `parents:` changes anywhere).
   */
  parentsNamedBy(uri: string): readonly string[] {
    return this.parentPaths.get(uri) ?? [];
  }

  /** Whether a version of `uri` has been read (without finishing a read under way, as `get` does). */
  has(uri: string): boolean {
    return this.entries.has(uri);
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

/** Whether two alignment signatures (see noteAlignment) hold the same parts; none is none. */
function sameParts(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The file name of a plan's URI, decoded ("legal office.plan.yaml"), for messages and hovers. */
export function fileNameOf(uri: string): string {
  try {
    return Utils.basename(URI.parse(uri)) || uri;
  } catch {
    return uri;
  }
}
