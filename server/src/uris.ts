// One file, one URI. Clients spell the same file differently (`r&d.plan.yaml` or
// `r%26d.plan.yaml`, `C:` or `c%3A`); the server keys every document by one spelling, vscode-uri's
// (the one VS Code sends and the one URI.file gives for a path on disk), so that a plan opened
// under one spelling and indexed from disk under another is one plan. URIs are made canonical
// once, as messages come in; on the way out, a document the client opened under another spelling
// is named as the client named it.
import { URI } from 'vscode-uri';

/** The server's spelling of `uri`; a string that is not a URI stays as it is. */
export function canonicalUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** Calls `f` on every string property named `uri` in `value` (any depth), replacing it with what `f` returns. */
function mapUriProperties(value: unknown, f: (uri: string) => string): void {
  if (Array.isArray(value)) {
    for (const v of value) mapUriProperties(v, f);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (k === 'uri' && typeof v === 'string') o[k] = f(v);
      else if (v && typeof v === 'object') mapUriProperties(v, f);
    }
  }
}

/**
 * The spellings clients used for the documents they opened, where those differ from the
 * server's. Empty for VS Code, which spells URIs as the server does: then nothing is rewritten.
 */
export class UriSpellings {
  private readonly spelled = new Map<string, string>();

  /**
   * An incoming message's params with every `uri` property made canonical. A `didOpen` under
   * another spelling is remembered, after `respelled(canonical)` is called (before the spelling
   * counts, so that the server can still clear what it published under its own spelling).
   */
  incoming(method: string, params: unknown, respelled: (canonical: string) => void): void {
    mapUriProperties(params, (uri) => {
      const canonical = canonicalUri(uri);
      if (method === 'textDocument/didOpen') {
        if (canonical === uri) this.spelled.delete(canonical);
        else if (this.spelled.get(canonical) !== uri) {
          respelled(canonical);
          this.spelled.set(canonical, uri);
        }
      }
      return canonical;
    });
  }

  /** The spelling the client uses for `uri` (a canonical URI). */
  toClient(uri: string): string {
    return this.spelled.get(uri) ?? uri;
  }

  /** A document was closed: returns the spelling the client used for it, which no longer counts. */
  closed(uri: string): string {
    const spelling = this.toClient(uri);
    this.spelled.delete(uri);
    return spelling;
  }

  /**
   * An outgoing message with every URI of a document the client spelled otherwise in the
   * client's spelling: `uri` properties (locations, diagnostics, plans), any other string that is
   * such a URI (command arguments) and the keys of a WorkspaceEdit's `changes`. The message is not
   * changed (results may be cached by the service): parts that change are copied. Returns the
   * message itself while no spelling differs.
   */
  outgoing<T>(message: T): T {
    if (this.spelled.size === 0) return message;
    const respell = (value: unknown): unknown => {
      if (typeof value === 'string') return this.spelled.get(value) ?? value;
      if (!value || typeof value !== 'object') return value;
      if (Array.isArray(value)) {
        let copy: unknown[] | undefined;
        value.forEach((v, i) => {
          const r = respell(v);
          if (r !== v) (copy ??= value.slice())[i] = r;
        });
        return copy ?? value;
      }
      let copy: Record<string, unknown> | undefined;
      const o = value as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        const key = this.spelled.get(k) ?? k;
        const v = o[k];
        const r = respell(v);
        if (r !== v || key !== k) {
          copy ??= { ...o };
          if (key !== k) delete copy[k];
          copy[key] = r;
        }
      }
      return copy ?? value;
    };
    return respell(message) as T;
  }
}
