// Test helper: the document model of a plan text, as the service builds it.
import { provideDiagnostics } from '../features/diagnostics';
import { load } from '../test-util';
import { buildPlanDocument, type PlanDocumentModel } from './planDocument';

export function documentOf(text: string, uri?: string): PlanDocumentModel {
  const { ws, doc } = load(text, uri);
  return buildPlanDocument(ws, doc, provideDiagnostics(ws, doc), 'plan');
}
