// Go to symbol in workspace (Ctrl+T): goals, objectives, sub-objectives and units of every plan.
// "2.3" finds 2.3 and everything numbered under it; "recr hire" finds titles with words starting
// with "recr" and "hire" ("Recruit, Hire, and Retain ..."); "ero" finds the unit ERO.
import type { SymbolInformation } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { breadcrumb, type PlanItem, type Unit } from '../model';
import { Outline } from '../outline';
import { ITEM_SYMBOL, itemRanges, oneLine, symbolRanges, UNIT_SYMBOL, unitName, itemName } from './documentSymbols';

export const MAX_WORKSPACE_SYMBOLS = 500;

/** How well a symbol matches: lower sorts first. */
const enum Rank {
  Exact = 0, // the number typed in full, or a unit's id
  NumberPrefix = 1,
  Words = 2,
}

/** Lower case without accents, so that "securite" finds "Sécurité". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const NUMBER = /^\d+(\.\d+)*\.?$/;

/** How one word of the query matches a symbol; undefined when it does not. */
function matchToken(token: string, id: string | undefined, text: string[]): Rank | undefined {
  if (id !== undefined && NUMBER.test(token)) {
    if (id === token) return Rank.Exact;
    const prefix = token.endsWith('.') ? token : token + '.';
    if (id.startsWith(prefix)) return Rank.NumberPrefix;
  }
  // "2.3" is a number, never two words of a title; "2021" may be either.
  if (token.includes('.') && NUMBER.test(token)) return undefined;
  const parts = words(token);
  if (parts.length && parts.every((p) => text.some((w) => w.startsWith(p)))) return Rank.Words;
  return undefined;
}

/** The best rank with which every word of the query matches, or undefined. */
function match(tokens: string[], id: string | undefined, text: string[]): Rank | undefined {
  let best: Rank = Rank.Words;
  for (const t of tokens) {
    const r = matchToken(t, id, text);
    if (r === undefined) return undefined;
    best = Math.min(best, r);
  }
  return best;
}

export function provideWorkspaceSymbols(docs: PlanDocument[], query: string): SymbolInformation[] {
  const tokens = query.trim().split(/\s+/).filter(Boolean);
  const found: { rank: Rank; order: number; symbol: SymbolInformation }[] = [];
  let order = 0;
  for (const doc of docs) {
    const model = doc.model;
    const planName = oneLine(model.title) || doc.uri.replace(/^.*\//, '');
    const o = Outline.of(model);
    const addUnit = (unit: Unit) => {
      const id = oneLine(unit.id?.text);
      const text = words(`${id} ${unit.name ?? ''}`);
      let rank = tokens.length ? match(tokens, undefined, text) : Rank.Words;
      if (tokens.length === 1 && id && fold(id) === fold(tokens[0])) rank = Rank.Exact;
      if (rank === undefined) return;
      const { range } = symbolRanges(doc, o.unitSpan(unit), unit.id?.span);
      found.push({ rank, order: order++, symbol: { name: unitName(unit), kind: UNIT_SYMBOL, location: { uri: doc.uri, range }, containerName: planName } });
    };
    const addItem = (item: PlanItem) => {
      const id = item.id ? oneLine(item.id.text) : undefined;
      const rank = tokens.length ? match(tokens, id, words(item.title ?? '')) : Rank.Words;
      if (rank !== undefined) {
        found.push({
          rank,
          order: order++,
          symbol: {
            name: itemName(item),
            kind: ITEM_SYMBOL[item.kind],
            location: { uri: doc.uri, range: itemRanges(doc, item).range },
            containerName: item.parent ? breadcrumb(item.parent) : planName,
          },
        });
      }
    };
    // Document order: units come before goals in a plan, but follow the text if they do not.
    const unitsFirst = !model.units.length || !model.goals.length || model.units[0].span.start < model.goals[0].span.start;
    if (unitsFirst) model.units.forEach(addUnit);
    model.items.forEach(addItem);
    if (!unitsFirst) model.units.forEach(addUnit);
  }
  found.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return found.slice(0, MAX_WORKSPACE_SYMBOLS).map((f) => f.symbol);
}
