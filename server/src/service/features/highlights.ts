// Document highlights: every place of this plan that names the item or unit under the cursor;
// the definition (the item's or unit's `id`) as a write, the `related`/`lead`/`support` entries as reads.
import type { DocumentHighlight, Position } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { targetAt } from '../locate';
import { refKind } from '../fields';
import type { Span } from '../text';
import { itemDefinitions } from './definition';
import { itemReferences } from './references';

const READ = 2;
const WRITE = 3;

export function provideDocumentHighlights(ws: PlanWorkspace, doc: PlanDocument, position: Position): DocumentHighlight[] {
  void ws; // Highlights stay within the document; the workspace is taken for a uniform signature.
  const target = targetAt(doc.model, doc.lines.offsetAt(position));
  if (!target) return [];
  const out: { span: Span; kind: 2 | 3 }[] = [];
  if (target.kind === 'item-id' || target.kind === 'item-ref') {
    const id = target.kind === 'item-id' ? target.item.id!.text : target.ref.target.text;
    for (const item of itemDefinitions(doc, id)) if (item.id) out.push({ span: item.id.span, kind: WRITE });
    for (const ref of itemReferences(doc, id)) out.push({ span: ref.target.span, kind: READ });
  } else if (target.kind === 'unit-id' || target.kind === 'unit-ref') {
    // Within one plan every entry naming an id means the same unit (see references.ts), and the
    // definitions to show are this plan's own.
    const id = target.kind === 'unit-id' ? target.unit.id!.text : target.ref.target.text;
    for (const unit of doc.model.unitsById.get(id) ?? []) if (unit.id) out.push({ span: unit.id.span, kind: WRITE });
    for (const ref of doc.model.refs) if (refKind(ref) === 'unit' && ref.target.text === id) out.push({ span: ref.target.span, kind: READ });
  } else return [];
  out.sort((a, b) => a.span.start - b.span.start);
  return out.map((o) => ({ range: doc.lines.range(o.span), kind: o.kind }));
}
