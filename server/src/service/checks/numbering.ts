// numbering-format, numbering-duplicate, numbering-parent, numbering-sequence: one pass over
// the model's items, each problem reported once, on the id at fault.
import { ITEM_DEPTH, itemLabel, kindWord, PlanDiagnostic, PlanItem, PlanModel } from '../model';

const NUMBER = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

const EXAMPLES: Record<PlanItem['kind'], string> = {
  goal: 'a goal is numbered 1, 2, 3 and so on',
  objective: 'an objective is numbered like 2.3: its goal\'s number, a dot, then its own number',
  subobjective: 'a sub-objective is numbered like 2.3.1: its objective\'s number, a dot, then its own number',
};

/** True when the id has the form of its level: "2", "2.3", "2.3.1". */
export function isWellFormed(item: PlanItem): boolean {
  const t = item.id?.text;
  return !!t && NUMBER.test(t) && t.split('.').length === ITEM_DEPTH[item.kind];
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
  const wellFormed = new Set<PlanItem>();
  const firstUse = new Map<string, PlanItem>();
  const duplicates = new Set<PlanItem>();

  for (const item of model.items) {
    const id = item.id;
    if (!id) continue;
    if (id.isNumber && id.text.includes('.')) out.push(unquotedNumberDiagnostic(id, 'number'));
    if (isWellFormed(item)) wellFormed.add(item);
    else {
      const Word = kindWord(item.kind).replace(/^./, (c) => c.toUpperCase());
      out.push({
        span: id.span,
        severity: 'error',
        code: 'numbering-format',
        message: `${Word} number "${id.text}" is not valid: ${EXAMPLES[item.kind]}.`,
      });
    }
    if (!wellFormed.has(item)) continue;
    const first = firstUse.get(id.text);
    if (first) {
      duplicates.add(item);
      out.push({
        span: id.span,
        severity: 'error',
        code: 'numbering-duplicate',
        message: `Number ${id.text} is used twice: ${itemLabel(first)}${first.title ? ` ("${first.title}")` : ''} already has it. Give this ${kindWord(item.kind)} its own number.`,
        related: [{ span: first.id!.span, message: `${itemLabel(first)} is numbered ${id.text} here` }],
      });
    } else firstUse.set(id.text, item);
  }

  const checkSiblings = (siblings: PlanItem[], parent: PlanItem | undefined) => {
    // Children of a badly numbered item cannot be judged until their parent is fixed.
    if (parent && !wellFormed.has(parent)) return;
    const parentId = parent && wellFormed.has(parent) ? parent.id!.text : undefined;
    const prefix = parentId === undefined ? '' : parentId + '.';
    let prev = 0;
    let prevItem: PlanItem | undefined;
    for (const item of siblings) {
      if (!wellFormed.has(item)) continue;
      const text = item.id!.text;
      const segs = text.split('.');
      const own = Number(segs[segs.length - 1]);
      if (parent && parentId !== undefined && segs.slice(0, -1).join('.') !== parentId) {
        out.push({
          span: item.id!.span,
          severity: 'error',
          code: 'numbering-parent',
          message: `${itemLabel(item).replace(/^./, (c) => c.toUpperCase())} is under ${itemLabel(parent)}, so its number should start with ${parentId} (for example ${prefix}${own}).`,
          data: { expected: prefix + own },
        });
      }
      if (duplicates.has(item)) continue;
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
  for (const item of model.items) if (item.children.length) checkSiblings(item.children, item);
}
