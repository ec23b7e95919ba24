// Document highlights: every place of this plan that names the item, unit or measure under the
// cursor; the definition (the item's, unit's or measure's `id`) as a write, the entries naming it
// (`related`, `lead`, `support`, ...) as reads. The places of definition.ts and references.ts, in this plan.
import type { DocumentHighlight, Position } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { targetAt } from '../locate';
import { refKind } from '../fields';
import type { Span } from '../text';
import { definitionsOf, namedAt } from './definition';

const READ = 2;
const WRITE = 3;

export function provideDocumentHighlights(ws: PlanWorkspace, doc: PlanDocument, position: Position): DocumentHighlight[] {
  const named = namedAt(targetAt(doc.model, doc.lines.offsetAt(position)));
  if (!named) return [];
  const out: { span: Span; kind: 2 | 3 }[] = [];
  // Within one plan every entry naming an id means the same thing (see references.ts), and the
  // definitions to show are this plan's own.
  for (const p of definitionsOf(ws, doc, named.kind, named.id)) if (p.doc.uri === doc.uri) out.push({ span: p.span, kind: WRITE });
  // (The plan's own entries only: no walk over the workspace on every move of the cursor.)
  for (const r of doc.model.refs) if (refKind(r) === named.kind && r.target.text === named.id) out.push({ span: r.target.span, kind: READ });
  out.sort((a, b) => a.span.start - b.span.start);
  return out.map((o) => ({ range: doc.lines.range(o.span), kind: o.kind }));
}
