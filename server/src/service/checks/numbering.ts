// numbering-format, numbering-duplicate, numbering-parent, numbering-sequence: one pass over
// the model's items, each problem reported once, on the id at fault.
import { ITEM_DEPTH, itemLabel, kindWord, PlanDiagnostic, PlanItem, PlanModel } from '../model';
import { drain, STEP_ITEMS } from '../steps';

const NUMBER = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

/** How each level is numbered, in words (diagnostics, rename refusals). */
export const HOW_NUMBERED: Record<PlanItem['kind'], string> = {
  goal: 'a goal is numbered 1, 2, 3 and so on',
  objective: 'an objective is numbered like 2.3: its goal\'s number, a dot, then its own number',
  subobjective: 'a sub-objective is numbered like 2.3.1: its objective\'s number, a dot, then its own number',
};

/** True when the id has the form of its level: "2", "2.3", "2.3.1". */
export function isWellFormed(item: PlanItem): boolean {
  const t = item.id?.text;
  return !!t && ownNumber(item.kind, t) !== undefined;
}

/** The last number of a well-formed id of that level ("2.3" → 3), else undefined. Computed once per item, at build. */
export function ownNumber(kind: PlanItem['kind'], id: string): number | undefined {
  if (!NUMBER.test(id)) return undefined;
  const dot = id.lastIndexOf('.');
  let depth = 1;
  for (let i = id.indexOf('.'); i >= 0; i = id.indexOf('.', i + 1)) depth++;
  return depth === ITEM_DEPTH[kind] ? Number(id.slice(dot + 1)) : undefined;
}

/** The warning for a dotted number YAML reads as a number (`1.10` is 1.1). */
export function unquotedNumberDiagnostic(s: { text: string; span: { start: number; end: number } }, what: string): PlanDiagnostic {
  const read = String(Number(s.text));
  const as = read === s.text ? 'a number, not as text' : `the number ${read}, not "${s.text}"`;
  return {
    span: s.span,
    severity: 'warning',
    code: 'numbering-format',
    message: `YAML reads the unquoted ${what} ${s.text} as ${as}. Put it in quotes ("${s.text}") so that it is read as written.`,
    data: { quote: s.text },
  };
}

export function checkNumbering(model: PlanModel, out: PlanDiagnostic[]): void {
  drain(checkNumberingSteps(model, out));
}

/** checkNumbering, yielding (true) every STEP_ITEMS items. */
export function* checkNumberingSteps(model: PlanModel, out: PlanDiagnostic[]): Generator<boolean, void, void> {
  // Runs on every keystroke over every item: `own` is computed once per item when it is read,
  // and items by number are the model's (no second map of every item per keystroke).
  const duplicates = new Set<PlanItem>();
  /** The first item numbered `text` whose number is well formed, in document order. */
  const firstUse = (text: string, item: PlanItem): PlanItem => {
    const list = model.itemsById.get(text);
    if (!list || list.length === 1) return item;
    return list.find((i) => i.own !== undefined) ?? item;
  };

  let n = 0;
  for (const item of model.items) {
    if (++n % STEP_ITEMS === 0) yield true;
    const id = item.id;
    if (!id) continue;
    if (id.isNumber && id.text.includes('.')) out.push(unquotedNumberDiagnostic(id, 'number'));
    if (item.own === undefined) {
      const Word = kindWord(item.kind).replace(/^./, (c) => c.toUpperCase());
      out.push({
        span: id.span,
        severity: 'error',
        code: 'numbering-format',
        message: `${Word} number "${id.text}" is not valid: ${HOW_NUMBERED[item.kind]}.`,
      });
      continue;
    }
    const first = firstUse(id.text, item);
    if (first !== item) {
      duplicates.add(item);
      out.push({
        span: id.span,
        severity: 'error',
        code: 'numbering-duplicate',
        message: `Number ${id.text} is used twice: ${itemLabel(first)}${first.title ? ` ("${first.title}")` : ''} already has it. Give this ${kindWord(item.kind)} its own number.`,
        related: [{ span: first.id!.span, message: `${itemLabel(first)} is numbered ${id.text} here` }],
      });
    }
  }

  const checkSiblings = (siblings: PlanItem[], parent: PlanItem | undefined) => {
    // Children of a badly numbered item cannot be judged until their parent is fixed.
    if (parent && parent.own === undefined) return;
    const parentId = parent ? parent.id!.text : undefined;
    const prefix = parentId === undefined ? '' : parentId + '.';
    let prev = 0;
    let prevItem: PlanItem | undefined;
    for (const item of siblings) {
      const own = item.own;
      if (own === undefined) continue;
      const text = item.id!.text;
      if (parent && (text.length !== prefix.length + String(own).length || !text.startsWith(prefix))) {
        out.push({
          span: item.id!.span,
          severity: 'error',
          code: 'numbering-parent',
          message: `${itemLabel(item).replace(/^./, (c) => c.toUpperCase())} is under ${itemLabel(parent)}, so its number should start with ${parentId} (for example ${prefix}${own}).`,
          data: { expected: prefix + own },
        });
      }
      if (duplicates.size && duplicates.has(item)) continue;
      if (own !== prev + 1) {
        const Word = kindWord(item.kind);
        const expected = `${prefix}${prev + 1}`;
        let message: string;
        if (!prevItem) message = `The first ${Word}${parent ? ` of ${itemLabel(parent)}` : ''} is numbered ${text}; numbering starts at ${expected}.`;
        else if (own <= prev) message = `${Word[0].toUpperCase()}${Word.slice(1)} ${text} comes after ${itemLabel(prevItem)}: numbers must go up by one in the order they are written (expected ${expected}).`;
        else message = `${Word[0].toUpperCase()}${Word.slice(1)} ${text} follows ${itemLabel(prevItem)}: number ${expected} is missing (expected ${expected}).`;
        out.push({ span: item.id!.span, severity: 'error', code: 'numbering-sequence', message, data: { expected } });
      }
      prev = own;
      prevItem = item;
    }
  };

  checkSiblings(model.goals, undefined);
  for (const item of model.items) {
    if (++n % STEP_ITEMS === 0) yield true;
    if (item.children.length) checkSiblings(item.children, item);
  }
}
