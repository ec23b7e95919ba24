// The live preview's data (request `planwright/document`): the document in HTML blocks, each with
// a key that changes when its HTML does. The client says which keys it shows; blocks it already
// has come back without their HTML, so a keystroke sends (and the webview replaces) only the
// blocks that changed: usually one goal.
import { htmlBlocks } from './html';
import type { PlanDocumentModel, Problems } from './planDocument';

export interface PreviewBlock {
  /** The block's name and a hash of its HTML: equal keys, equal HTML. */
  key: string;
  /** Absent when the client said it has this key. */
  html?: string;
}

export interface PreviewResult {
  title: string;
  blocks: PreviewBlock[];
  problems: Problems;
}

/** Keys by HTML string, so that an unchanged block is hashed once. */
const keys = new Map<string, string>();
const KEYS_MAX = 20_000;

export function providePreview(d: PlanDocumentModel, known: readonly string[] = []): PreviewResult {
  const has = new Set(known);
  const blocks = htmlBlocks(d, { lines: true, problems: true }).map((b) => {
    let key = keys.get(b.html);
    if (key === undefined) {
      key = `${b.name}#${hash(b.html)}`;
      if (keys.size >= KEYS_MAX) keys.clear();
      keys.set(b.html, key);
    }
    return has.has(key) ? { key } : { key, html: b.html };
  });
  return { title: d.title, blocks, problems: d.problems };
}

/** Two 32-bit FNV-1a hashes (different seeds) and the length: collisions are not a practical concern. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}${s.length.toString(36)}`;
}
