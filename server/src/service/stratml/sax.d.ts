// The part of sax's API the StratML reader uses (sax ships no types).
declare module 'sax' {
  export interface QualifiedAttribute {
    name: string;
    value: string;
    prefix: string;
    local: string;
    uri: string;
  }
  export interface QualifiedTag {
    name: string;
    prefix: string;
    local: string;
    uri: string;
    attributes: Record<string, QualifiedAttribute>;
    isSelfClosing: boolean;
  }
  export interface SAXOptions {
    xmlns?: boolean;
    position?: boolean;
    trim?: boolean;
    normalize?: boolean;
    unparsedEntities?: boolean;
  }
  export interface SAXParser {
    line: number;
    column: number;
    error: Error | null;
    onopentag: (tag: QualifiedTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    onerror: (e: Error) => void;
    ondoctype: (doctype: string) => void;
    write(s: string): SAXParser;
    close(): SAXParser;
    resume(): SAXParser;
  }
  export function parser(strict: boolean, opt?: SAXOptions): SAXParser;
}
