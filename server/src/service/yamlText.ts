// yaml's reader with the nesting guard, shared by the parser (parse.ts) and the repairs it tries
// (recover.ts), so that no text reaches yaml's recursive composer deeper than MAX_DEPTH.
import { Composer, Document, Lexer, Parser, YAMLParseError } from 'yaml';
import type { CST } from 'yaml';

// logLevel 'error': yaml would otherwise print its warnings on the server's stderr; we report them.
const PARSE_OPTIONS = { prettyErrors: false, merge: true, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' } as const;

/**
 * Collections (block or flow) nested deeper than this are refused before yaml builds them.
 * yaml's parser, composer and toJS all recurse once per level, and how many levels fit on the
 * stack depends on the caller and on whether the code is compiled yet (a cold parse of
 * `- - - ...` ran out near 1,000 levels). Plans nest about eight levels deep.
 */
export const MAX_DEPTH = 200;

/** Where the text nests more than MAX_DEPTH levels deep: nothing of it was built. */
export interface TooDeep {
  tooDeep: number;
}

/**
 * parseDocument, with the nesting guard: the text is fed to yaml's parser token by token, and
 * reading stops as soon as its stack of open collections (block maps and lists, `[` and `{`)
 * is deeper than MAX_DEPTH. yaml's own lexer decides what is a collection, so comments, quoted
 * strings and `|` text holding brackets or dashes count for nothing, exactly as yaml reads them.
 */
export function parseYaml(source: string): Document.Parsed | TooDeep {
  const text = normalizeLineEnds(source);
  const parser = new Parser();
  let tooDeep = -1;
  function* tokens(): Generator<CST.Token> {
    for (const lexeme of new Lexer().lex(text)) {
      const at = parser.offset;
      yield* parser.next(lexeme);
      if (parser.stack.length > MAX_DEPTH) {
        tooDeep = at;
        return;
      }
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(PARSE_OPTIONS).compose(tokens(), true, text.length)) {
    if (tooDeep >= 0) break;
    if (!doc) doc = next as Document.Parsed;
    else {
      // As parseDocument does.
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return tooDeep >= 0 ? { tooDeep } : doc!;
}

/**
 * yaml's concrete syntax tree of a text (every token kept: formatting reprints it), with the
 * nesting guard of parseYaml. Lone carriage returns must already be line feeds.
 */
export function parseCst(text: string): CST.Token[] | TooDeep {
  const parser = new Parser();
  const out: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const at = parser.offset;
    for (const t of parser.next(lexeme)) out.push(t);
    if (parser.stack.length > MAX_DEPTH) return { tooDeep: at };
  }
  for (const t of parser.end()) out.push(t);
  return out;
}

/** The document of a CST from parseCst, composed as parseYaml composes (several documents are an error). */
export function composeCst(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(PARSE_OPTIONS).compose(tokens, true, length)) {
    if (!doc) doc = next as Document.Parsed;
    else {
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

export function isTooDeep<T extends object>(d: T | TooDeep): d is TooDeep {
  return 'tooDeep' in d;
}

/**
 * yaml does not end lines at a lone carriage return, LSP does. Replacing each by a line feed
 * keeps every offset where it was, so positions agree with the editor's.
 */
export function normalizeLineEnds(text: string): string {
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}
