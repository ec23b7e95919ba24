// Disable comments, as ESLint's:
//   # planwright-disable-next-line CODE[, CODE]   the line after the comment
//   # planwright-disable-line CODE                the comment's own line (after a value)
//   # planwright-disable CODE ... # planwright-enable CODE   the lines between
// No code: every code. Text after ` -- ` is a reason, ignored. A comment that suppresses nothing
// (or names no rule) is itself reported: unused-disable, as ESLint's
// --report-unused-disable-directives.
//
// Found once per version of the text by a search for "planwright-" (no walk of YAML nodes), and
// applied in offsets: a scope is a stretch of the text, a finding is in it when it starts there
// (or its `anchor` does: a word inside a multi-line description is suppressed from above its key).
import type { PlanDiagnostic } from './model';
import { isRuleCode, levelOf, RULE_CODES, type RuleSettings } from './rules';
import { closest, span, type Span } from './text';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** The comment, from `#` to the end of its line. */
  span: Span;
  /** The codes named, each with its span; empty: every code. */
  codes: { code: string; span: Span }[];
  /** Start of the comment's line. */
  lineStart: number;
  /** End of the comment's line (before its line break). */
  lineEnd: number;
}

const MARK = 'planwright-';
const DIRECTIVE = /^#[ \t]*planwright-(disable-next-line|disable-line|disable|enable)(?=$|[ \t])/;

function lineEndAt(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function lineStartAt(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/** Start of the line after the one ending at `lineEnd` (text.length when there is none). */
function nextLineStart(text: string, lineEnd: number): number {
  if (lineEnd >= text.length) return text.length;
  return text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
}

/** Whether a `#` at `hash` starts a comment: at the line's start or after a blank, outside quotes. */
function isComment(text: string, lineStart: number, hash: number): boolean {
  if (hash > lineStart) {
    const before = text.charCodeAt(hash - 1);
    if (before !== 32 && before !== 9) return false;
  }
  let double = false;
  let single = false;
  for (let i = lineStart; i < hash; i++) {
    const c = text[i];
    if (c === '"' && !single && text[i - 1] !== '\\') double = !double;
    else if (c === "'" && !double) single = !single;
  }
  return !double && !single;
}

/** The disable comments of a text, in order. */
export function findDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  for (let at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, at + MARK.length)) {
    let hash = at - 1;
    while (hash >= 0 && (text[hash] === ' ' || text[hash] === '\t')) hash--;
    if (hash < 0 || text[hash] !== '#') continue;
    const lineStart = lineStartAt(text, hash);
    if (!isComment(text, lineStart, hash)) continue;
    const lineEnd = lineEndAt(text, at);
    const comment = text.slice(hash, lineEnd);
    const m = DIRECTIVE.exec(comment);
    if (!m) continue;
    const codes: Directive['codes'] = [];
    let rest = comment.slice(m[0].length);
    const reason = rest.search(/[ \t]--(?:[ \t]|$)/);
    if (reason >= 0) rest = rest.slice(0, reason);
    const base = hash + m[0].length;
    for (const c of rest.matchAll(/[^\s,]+/g)) codes.push({ code: c[0], span: span(base + c.index!, base + c.index! + c[0].length) });
    out.push({ kind: m[1] as DirectiveKind, span: span(hash, lineEnd), codes, lineStart, lineEnd });
  }
  return out;
}

/** One code (or every code, '*') turned off over a stretch of text by one comment. */
interface Scope {
  from: number;
  to: number;
  code: string;
  directive: Directive;
  /** The code's span in the comment; the comment's when it names none. */
  at: Span;
  used: boolean;
}

function scopesOf(text: string, directives: readonly Directive[]): Scope[] {
  const scopes: Scope[] = [];
  const open: Scope[] = [];
  const entries = (d: Directive) => (d.codes.length ? d.codes : [{ code: '*', span: d.span }]);
  for (const d of directives) {
    if (d.kind === 'enable') {
      const names = new Set(d.codes.map((c) => c.code));
      for (let i = open.length - 1; i >= 0; i--) {
        if (!names.size || names.has(open[i].code)) {
          open[i].to = d.lineStart;
          open.splice(i, 1);
        }
      }
      continue;
    }
    let from: number;
    let to: number;
    if (d.kind === 'disable-line') {
      from = d.lineStart;
      to = d.lineEnd;
    } else if (d.kind === 'disable-next-line') {
      from = nextLineStart(text, d.lineEnd);
      to = lineEndAt(text, from);
    } else {
      from = d.lineStart;
      to = text.length;
    }
    for (const e of entries(d)) {
      const s: Scope = { from, to, code: e.code, directive: d, at: e.span, used: false };
      scopes.push(s);
      if (d.kind === 'disable') open.push(s);
    }
  }
  return scopes;
}

const inScope = (s: Scope, offset: number | undefined) => offset !== undefined && offset >= s.from && offset <= s.to;

/**
 * The findings the comments of `text` leave, and an unused-disable finding for each comment (or
 * code of a comment) that suppressed nothing, at the level `settings` give unused-disable.
 */
export function applyDirectives(text: string, directives: readonly Directive[], diagnostics: readonly PlanDiagnostic[], settings: RuleSettings): PlanDiagnostic[] {
  if (!directives.length) return diagnostics as PlanDiagnostic[];
  const scopes = scopesOf(text, directives);
  const kept: PlanDiagnostic[] = [];
  for (const d of diagnostics) {
    let suppressed = false;
    for (const s of scopes) {
      if ((s.code === '*' || s.code === d.code) && (inScope(s, d.span.start) || inScope(s, d.anchor))) {
        s.used = true;
        suppressed = true;
      }
    }
    if (!suppressed) kept.push(d);
  }
  const level = levelOf('unused-disable', settings);
  if (level === 'off') return kept;
  for (const s of scopes) {
    if (s.used) continue;
    const where = s.directive.kind === 'disable-next-line' ? 'on the next line' : s.directive.kind === 'disable-line' ? 'on this line' : 'in the lines it covers';
    let message: string;
    if (s.code !== '*' && !isRuleCode(s.code)) {
      const guess = closest(s.code, RULE_CODES);
      message = `"${s.code}" is not a Planwright rule, so this comment turns nothing off.${guess ? ` Did you mean ${guess}?` : ''}`;
    } else if (s.code === '*') {
      message = `This comment turns off every rule ${where}, but nothing is reported there: remove it.`;
    } else {
      message = `This comment turns off ${s.code} ${where}, but no ${s.code} problem is reported there: remove ${s.directive.codes.length > 1 ? `${s.code} from it` : 'it'}.`;
    }
    kept.push({ span: s.at, severity: level, code: 'unused-disable', message, data: { directive: s.directive.span, code: s.code === '*' ? undefined : s.code } });
  }
  return kept;
}

