// A small element tree read from XML text with sax, each element with its line, for the StratML
// importer. Lenient: a well-formedness error is noted (with its line) and reading goes on, so a
// file that breaks XML's rules still gives what can be read. No DTD is read and no entity is
// expanded beyond XML's five and character references: sax reads `<!DOCTYPE ...>` as text it
// ignores (we note it), never fetches anything, and an undeclared `&name;` is an error noted and
// kept as written. Element and attribute names are local names (namespace prefixes dropped:
// StratML files are written with and without a `stratml:` prefix).
import * as sax from 'sax';

export interface XmlElement {
  /** Local name (`Goal` for `stratml:Goal`). */
  name: string;
  /** Namespace URI, '' when none. */
  uri: string;
  /** Attributes by local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (its text and CDATA children, joined), as written. */
  text: string;
  /** 1-based line and column where the start tag ends. */
  line: number;
  column: number;
}

export interface XmlReadResult {
  root: XmlElement | undefined;
  /** Well-formedness errors and what was ignored, with 1-based lines. */
  problems: { line: number; message: string }[];
}

export function readXml(text: string): XmlReadResult {
  const problems: XmlReadResult['problems'] = [];
  const parser = sax.parser(true, { xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let lastErrorLine = -1;
  parser.onopentag = (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attrs[a.local || a.name] = a.value;
    const el: XmlElement = { name: tag.local || tag.name, uri: tag.uri ?? '', attrs, children: [], text: '', line: parser.line + 1, column: parser.column + 1 };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (!root) root = el;
    else problems.push({ line: el.line, message: `a second top-level element <${tag.name}> was not read (an XML file has one)` });
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.ontext = addText;
  parser.oncdata = addText;
  parser.ondoctype = () => problems.push({ line: parser.line + 1, message: 'the document type declaration (<!DOCTYPE ...>) was ignored: no DTD or entity in it is read' });
  parser.onerror = (e) => {
    // One message per line is enough: sax may report the same fault more than once.
    const line = parser.line + 1;
    if (line !== lastErrorLine) problems.push({ line, message: `the XML is not well formed here (${e.message.split('\n')[0]}); read on past it` });
    lastErrorLine = line;
    parser.error = null;
    parser.resume();
  };
  try {
    parser.write(text).close();
  } catch (e) {
    problems.push({ line: parser.line + 1, message: `reading stopped: ${(e as Error).message.split('\n')[0]}` });
  }
  return { root, problems };
}

/** The children of `el` named `name` (local name). */
export function kids(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The first child named `name`. */
export function kid(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}
