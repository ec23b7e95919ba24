// JSON Schema validation with ajv (validators compiled once per process), with ajv's errors
// rewritten in the words of a plan writer and placed on the exact yaml node at fault.
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { isMap, isSeq, Node, Pair } from 'yaml';
import planSchema from '../../../schemas/plan.schema.json';
import type { NodeReader } from './build';
import type { PlanDiagnostic } from './model';
import { ordinal } from './model';
import { closest, firstLine, type Span } from './text';

export const PLAN_SCHEMA = planSchema as unknown as Record<string, any>;

interface Validators {
  full: ValidateFunction;
  /** The root with goal items left unchecked: goals are checked one block at a time. */
  shallow: ValidateFunction;
  goal: ValidateFunction;
}

let validators: Validators | undefined;

export function getValidators(): Validators {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: false, validateSchema: false });
  const full = ajv.compile(PLAN_SCHEMA);
  const shallowSchema = structuredClone(PLAN_SCHEMA);
  shallowSchema.$id = PLAN_SCHEMA.$id + '#shallow';
  shallowSchema.properties.goals.items = true;
  const shallow = ajv.compile(shallowSchema);
  const goal = ajv.getSchema(PLAN_SCHEMA.$id + '#/$defs/goal')!;
  validators = { full: folding(full), shallow: folding(shallow), goal: folding(goal) };
  return validators;
}

/**
 * A validator whose errors describe each mistake once: see foldErrors. Every caller (a whole
 * plan, the root of a block-wise read, one goal) sees the same folded errors, so whichever way
 * a plan is read, one mistake gives one diagnostic.
 */
function folding(v: ValidateFunction): ValidateFunction {
  const f = ((data: unknown) => {
    const ok = v(data) as boolean;
    f.errors = ok ? null : foldErrors(v.errors ?? []);
    return ok;
  }) as ValidateFunction;
  f.schema = v.schema;
  return f;
}

/** Set on an `additionalProperties` error whose key is a misspelling of a required field that is missing. */
export interface FoldedParams {
  additionalProperty: string;
  /** The missing field the key stands for. */
  standsFor?: string;
  /** The key is the missing field and its value with the colon between them left out (`title Recruit`, read as one key in `{ }`). */
  colonMissing?: boolean;
}

/**
 * One mistake, one error. A key misspelt (`ib: "1.2"`) makes two ajv errors in the same mapping:
 * an unknown key, and the required field it was meant to be is missing. They are one mistake,
 * reported once, at the misspelt key (whose fix, renaming it, settles both): the `required` error
 * is dropped and the `additionalProperties` one notes the field it stands for.
 */
export function foldErrors(errors: ErrorObject[]): ErrorObject[] {
  const missing = new Map<string, Set<string>>();
  for (const e of errors) {
    if (e.keyword !== 'required') continue;
    const m = (e.params as { missingProperty: string }).missingProperty;
    let set = missing.get(e.instancePath);
    if (!set) missing.set(e.instancePath, (set = new Set()));
    set.add(m);
  }
  if (!missing.size) return errors;
  const folded = new Map<string, Set<string>>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const wanted = missing.get(e.instancePath);
    if (!wanted) continue;
    const params = e.params as FoldedParams;
    const extra = params.additionalProperty;
    const colonless = [...wanted].find((m) => extra.length > m.length + 1 && extra.startsWith(m) && /^[ \t]+\S/.test(extra.slice(m.length)));
    const guess = colonless ?? closest(extra, allowedFields(e));
    const done = folded.get(e.instancePath) ?? new Set<string>();
    if (!guess || !wanted.has(guess) || done.has(guess)) continue;
    done.add(guess);
    folded.set(e.instancePath, done);
    params.standsFor = guess;
    if (colonless) params.colonMissing = true;
  }
  for (const e of errors) {
    if (e.keyword === 'required' && folded.get(e.instancePath)?.has((e.params as { missingProperty: string }).missingProperty)) continue;
    out.push(e);
  }
  return out;
}

function allowedFields(e: ErrorObject): string[] {
  return Object.keys((e.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
}

/** Where a path of the plan's JSON value lands in the yaml nodes. */
interface Located {
  node?: Node;
  pair?: Pair;
  /** The mapping that holds the last segment (for a missing field). */
  parent?: Node;
}

type Path = (string | number)[];

/** Describes validation errors of the value read from `root`, which sits at `rootPath` in the plan. */
export function schemaDiagnostics(
  errors: ErrorObject[] | null | undefined,
  reader: NodeReader,
  root: unknown,
  rootPath: Path,
  text: string,
): PlanDiagnostic[] {
  if (!errors?.length) return [];
  const out: PlanDiagnostic[] = [];
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const isBranchError = (e: ErrorObject) =>
    oneOfs.some((o) => o !== e && e.instancePath === o.instancePath && e.schemaPath.startsWith(o.schemaPath + '/'));
  const kept = errors.filter((e) => !isBranchError(e));
  const seen = new Set<string>();
  for (const e of kept) {
    // A list whose entries are wrong is reported entry by entry, not as a whole.
    if (e.keyword === 'oneOf' && kept.some((x) => x.instancePath.startsWith(e.instancePath + '/'))) continue;
    const segs = e.instancePath ? e.instancePath.slice(1).split('/').map(unescapePointer) : [];
    const d = describe(e, segs, reader, root, rootPath, text);
    if (!d) continue;
    const key = `${d.span.start}:${d.span.end}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function unescapePointer(s: string): string | number {
  const t = s.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(t) ? Number(t) : t;
}

function locate(reader: NodeReader, root: unknown, segs: Path): Located {
  let raw = root as Node | undefined;
  let pair: Pair | undefined;
  let parent: Node | undefined;
  for (const seg of segs) {
    const node = reader.deref(raw);
    parent = node;
    pair = undefined;
    if (node && isMap(node)) {
      // A key written twice (a YAML error of its own) has the value of its last pair, as in the
      // JSON value the schema checked: the message goes where that value is.
      const pairs = reader.pairs(node);
      let hit: (typeof pairs)[number] | undefined;
      for (const p of pairs) if (p.key === String(seg)) hit = p;
      if (!hit) return { parent };
      pair = hit.pair;
      raw = (hit.pair.value as Node | null) ?? undefined;
    } else if (node && isSeq(node)) {
      raw = node.items[Number(seg)] as Node | undefined;
    } else return { parent };
    if (!raw) return { pair, parent };
  }
  return { node: raw, pair, parent };
}

/** The plan's lists of items, whose entries are named by their id ("goal 2"), not by their place. */
const ITEM_LISTS = new Set(['goals', 'objectives', 'subobjectives', 'units', 'values', 'measures', 'milestones']);

/** "objective 2.3", "the 2nd unit", "`period`", "the plan": what a path is about. */
function ownerLabel(reader: NodeReader, root: unknown, rootPath: Path, segs: Path): string {
  const full = [...rootPath, ...segs];
  let label = 'the plan';
  let parentLabel = '';
  for (let i = 0; i < full.length; i++) {
    const seg = full[i];
    const next = full[i + 1];
    if (typeof next !== 'number') {
      if (i === 0 && (seg === 'organization' || seg === 'period' || seg === 'parents')) label = `\`${seg}\``;
      continue;
    }
    const word = { goals: 'goal', objectives: 'objective', subobjectives: 'sub-objective', units: 'unit', values: 'value', measures: 'measure', milestones: 'milestone' }[seg as string];
    if (!word) break;
    const rel = full.slice(rootPath.length, i + 2);
    const at = rel.length > 0 ? locate(reader, root, rel).node : reader.deref(root);
    const n = at && reader.deref(at);
    let name: string | undefined;
    if (n && isMap(n)) {
      const key = word === 'value' ? 'name' : 'id';
      const v = n.get(key, true) as unknown;
      const s = reader.scalar(v);
      if (s) name = s.text;
    }
    label = name !== undefined ? `${word} ${name}` : `the ${ordinal(next + 1)} ${word}${parentLabel ? ` of ${parentLabel}` : ''}`;
    parentLabel = label;
    i++;
  }
  return label;
}

const KIND_OF_PARENT: Record<string, string> = {
  goal: 'a goal', objective: 'an objective', 'sub-objective': 'a sub-objective', unit: 'a unit', value: 'a value', measure: 'a measure', milestone: 'a milestone',
};

function articleFor(owner: string, segs: Path, rootPath: Path): string {
  const full = [...rootPath, ...segs];
  const last = full.length >= 2 ? full[full.length - 2] : undefined;
  const word = { goals: 'goal', objectives: 'objective', subobjectives: 'sub-objective', units: 'unit', values: 'value', measures: 'measure', milestones: 'milestone' }[String(last)];
  if (word && typeof full[full.length - 1] === 'number') return KIND_OF_PARENT[word];
  if (full.length === 1 && (full[0] === 'organization' || full[0] === 'period')) return `\`${full[0]}\``;
  if (full.length === 0) return 'the plan';
  return owner;
}

function typeWords(t: string | string[]): string {
  const words: Record<string, string> = {
    string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'a group of fields (`key: value` lines)', null: 'empty', boolean: 'true or false',
  };
  return ([] as string[]).concat(t).map((x) => words[x] ?? x).join(' or ');
}

function actualWords(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a group of fields';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  if (typeof v === 'boolean') return `\`${v}\``;
  return typeof v;
}


/**
 * Whether a YAML error explains why `missing` is missing from the mapping at `holder`: the error
 * is inside the mapping (what it holds cannot be known), or on the line after it, where `missing`
 * is written (`title:` moved out to the column of its `-`, after a tab, without its colon). That
 * error, on the line at fault, is the one problem; fixing it brings the field back.
 */
function brokenBySyntaxError(reader: NodeReader, text: string, holder: Span, missing: string, next: Span | undefined): boolean {
  const errors = reader.syntaxErrorOffsets();
  if (!errors.length) return false;
  if (errors.some((o) => o >= holder.start && o < holder.end)) return true;
  let from = holder.end > 0 && text.charCodeAt(holder.end - 1) === 10 ? holder.end : text.indexOf('\n', holder.end) + 1;
  if (from <= 0) return false;
  // The lines up to the end of the next entry of the list (a title moved into the next item makes
  // its title a key written twice), or else the next line that is not blank.
  const until = next && next.end > from ? next.end : undefined;
  for (;;) {
    const eol = text.indexOf('\n', from);
    const to = eol < 0 ? text.length : eol;
    const line = text.slice(from, to);
    if (line.trim() === '' && eol >= 0 && until === undefined) {
      from = eol + 1;
      continue;
    }
    const key = line.replace(/^[ \t]+/, '');
    const written = key.startsWith(missing) && /^([ \t:]|$)/.test(key.slice(missing.length));
    if (written && errors.some((o) => o >= from && o <= to)) return true;
    if (until === undefined || eol < 0 || eol + 1 >= until) return false;
    from = eol + 1;
  }
}

/** The span of the entry after the one at `segs` in its list, if `segs` names an entry of a list. */
function nextSibling(reader: NodeReader, root: unknown, segs: Path): Span | undefined {
  const last = segs[segs.length - 1];
  if (typeof last !== 'number') return undefined;
  const list = reader.deref(segs.length > 1 ? locate(reader, root, segs.slice(0, -1)).node : root);
  return list && isSeq(list) ? reader.span(reader.deref(list.items[last + 1])) : undefined;
}

function describe(e: ErrorObject, segs: Path, reader: NodeReader, root: unknown, rootPath: Path, text: string): PlanDiagnostic | undefined {
  const where = locate(reader, root, segs);
  const field = segs.length ? segs[segs.length - 1] : undefined;
  const fieldIsKey = typeof field === 'string';
  const ownerSegs = fieldIsKey ? segs.slice(0, -1) : segs;
  const owner = ownerLabel(reader, root, rootPath, ownerSegs);
  const valueSpan = reader.span(where.node) ?? reader.span(where.pair?.key as Node) ?? reader.span(where.parent) ?? reader.span(reader.deref(root)) ?? { start: 0, end: 0 };
  const keySpan = reader.span(where.pair?.key as Node);
  // An entry of a list that is a field's value (`aligns: [DHS 1, []]`), not an item of the plan's
  // lists: "the 2nd entry of `aligns` of goal 1", not "goal 1".
  const listKey = typeof field === 'number' && segs.length >= 2 ? segs[segs.length - 2] : undefined;
  const entryOf = typeof listKey === 'string' && !ITEM_LISTS.has(listKey) ? `the ${ordinal(Number(field) + 1)} entry of \`${listKey}\` of ${ownerLabel(reader, root, rootPath, segs.slice(0, -2))}` : undefined;
  const what = fieldIsKey ? `\`${field}\` of ${owner}` : (entryOf ?? owner);
  const Cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  const diag = (s: Span, message: string, data?: Record<string, unknown>): PlanDiagnostic => ({ span: s, severity: 'error', code: 'schema', message, data });

  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const holder = reader.span(where.node ?? where.parent) ?? valueSpan;
      // Only inside a top-level section or a goal: what a block-wise read sees of the YAML errors
      // is the errors of the block (a goal) the mapping is in, as in a full read (parse.ts keeps a
      // goal with a YAML error on its own only when its errors stay inside it).
      const depth = rootPath.length + segs.length;
      if (depth > 0 && brokenBySyntaxError(reader, text, holder, missing, depth > 2 ? nextSibling(reader, root, segs) : undefined)) return undefined;
      const label = ownerLabel(reader, root, rootPath, segs);
      const hint = missing === 'title' ? 'a title' : missing === 'id' ? 'its number' : missing === 'name' ? 'a name' : missing === 'goals' ? 'at least one goal' : 'a value';
      return diag(firstLine(text, holder), `${Cap(label)} has no \`${missing}\`. Add \`${missing}:\` with ${hint}.`, { missing });
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const at = locate(reader, root, [...segs, extra]);
      const s = reader.span(at.pair?.key as Node) ?? valueSpan;
      const allowed = allowedFields(e);
      const guess = closest(extra, allowed);
      const ofWhat = articleFor(owner, segs, rootPath);
      const { standsFor, colonMissing } = e.params as FoldedParams;
      if (standsFor && colonMissing) {
        // `{ id: "1.2", title Recruit }`: in braces, a key without its colon is still a key.
        const holder = ofWhat.replace(/^an? /, 'the ');
        const value = extra.slice(standsFor.length).trim();
        return diag(s, `The colon after \`${standsFor}\` is missing: write \`${standsFor}: ${value}\`. (As written, ${holder} has no \`${standsFor}\`.)`, { colonAfter: standsFor });
      }
      if (standsFor) {
        // The misspelt key is also why a required field is missing: one message says both.
        const holder = ofWhat.replace(/^an? /, 'the ');
        return diag(s, `\`${extra}\` is not a field of ${ofWhat}; did you mean \`${standsFor}\`? (${holder} has no \`${standsFor}\`)`, { replaceKey: extra, with: standsFor });
      }
      const fix = guess ? `Did you mean \`${guess}\`?` : `The fields of ${ofWhat} are: ${allowed.join(', ')}.`;
      return diag(s, `\`${extra}\` is not a field of ${ofWhat}. ${fix}`, guess ? { replaceKey: extra, with: guess } : undefined);
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      return diag(valueSpan, `${Cap(what)} should be ${typeWords(t)}, not ${actualWords(e.data)}.`);
    }
    case 'oneOf': {
      const isUnits = String(field) === 'lead' || String(field) === 'support';
      const expected = isUnits
        ? 'a unit id or a list of unit ids'
        : String(field) === 'aligns'
          ? 'an entry such as "DHS 2.3" (the other plan\'s acronym and the number of one of its items) or a list of them'
          : 'a number such as "1.2" or a list of them';
      return diag(valueSpan, `${Cap(what)} should be ${expected}, not ${actualWords(e.data)}.`);
    }
    case 'const':
      if (field === 'planwright') return diag(valueSpan, `\`planwright\` should be 1: it is the version of the plan format this file is written in.`);
      return diag(valueSpan, `${Cap(what)} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}.`);
    case 'minLength':
      return diag(valueSpan, `${Cap(what)} is empty. Write some text after \`${String(field)}:\`.`);
    case 'minItems':
      if (field === 'goals') return diag(keySpan ?? valueSpan, 'The plan has no goals. Add at least one goal under `goals:` (id and title).');
      return diag(valueSpan, `${Cap(what)} needs at least ${(e.params as { limit: number }).limit} entries.`);
    case 'pattern':
      if (segs.includes('units') || rootPath.includes('units')) {
        return diag(valueSpan, `\`${String(e.data)}\` is not a valid unit id: a unit id starts with a letter, followed by letters, digits, &, ., _ or -.`);
      }
      if (field === 'id' && (segs.includes('measures') || rootPath.includes('measures'))) return diag(valueSpan, `\`${String(e.data)}\` is not a valid measure id: a measure id starts with a letter, followed by letters, digits, ., _ or -, e.g. PM-2.1.1.`);
      if (field === 'due') return diag(valueSpan, `${Cap(what)} should be a date written year-month-day, e.g. 2022-06-30, not \`${String(e.data)}\`.`);
      return diag(valueSpan, `${Cap(what)} is not written the expected way.`);
    case 'enum':
      return diag(valueSpan, `${Cap(what)} should be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => `\`${String(v)}\``).join(', ')}, not \`${String(e.data)}\`.`);
    case 'if':
    case 'anyOf':
      return undefined;
    default:
      return diag(valueSpan, `${Cap(what)} is not valid here (${e.keyword}).`);
  }
}

