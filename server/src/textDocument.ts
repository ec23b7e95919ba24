// The server's open documents. vscode-languageserver-textdocument applies each change by
// concatenating strings and then reading a character of the result, which makes V8 copy the whole
// text: 200 changes to a 3 MB plan copied 600 MB (~4 ms and the garbage of 3 MB per change). Here
// a change only records where its text goes (a list of slices of the texts before it); the text is
// joined once, when it is read (the check of a burst reads it once, at its last version).
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Past this many slices the text is joined (a change costs a walk over the slices). */
const MAX_PIECES = 512;

export class PieceTextDocument {
  /** The text, as slices (not copies) of the texts it was made from; one piece when joined. */
  private pieces: string[];
  private length: number;
  /** Offset of the start of each line, computed on first need, then kept up to date. */
  private lineOffsets: number[] | undefined;
  /** Every line from `shiftFrom` on starts `shift` code units after what lineOffsets says. */
  private shiftFrom = Infinity;
  private shift = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    content: string,
  ) {
    this.pieces = [content];
    this.length = content.length;
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  getText(range?: Range): string {
    if (this.pieces.length > 1) this.pieces = [this.pieces.join('')];
    const text = this.pieces[0];
    if (!range) return text;
    return text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The UTF-16 code unit at `offset`, without joining the text (NaN outside it). */
  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    for (const p of this.pieces) {
      if (offset < p.length) return p.charCodeAt(offset);
      offset -= p.length;
    }
    return NaN;
  }

  /** Where line `i` starts (lines are those of getLineOffsets). */
  private lineStart(offsets: number[], i: number): number {
    return i >= this.shiftFrom ? offsets[i] + this.shift : offsets[i];
  }

  private getLineOffsets(): number[] {
    if (!this.lineOffsets) {
      this.lineOffsets = computeLineOffsets(this.getText(), true, 0);
      this.shiftFrom = Infinity;
      this.shift = 0;
    }
    return this.lineOffsets;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (this.lineStart(lineOffsets, mid) > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const start = this.lineStart(lineOffsets, line);
    offset = this.ensureBeforeEOL(offset, start);
    return { line, character: offset - start };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = this.lineStart(lineOffsets, position.line);
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? this.lineStart(lineOffsets, position.line + 1) : this.length;
    const offset = Math.min(lineOffset + position.character, nextLineOffset);
    return this.ensureBeforeEOL(offset, lineOffset);
  }

  private ensureBeforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** Applies changes in order (each in the text the one before it made), as TextDocument.update does. */
  update(changes: TextDocumentContentChangeEvent[], version: number): this {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.pieces = [change.text];
        this.length = change.text.length;
        this.lineOffsets = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      const startOffset = this.offsetAt(range.start);
      const endOffset = this.offsetAt(range.end);
      this.splice(startOffset, endOffset, change.text);
      const insertedEnd = startOffset + change.text.length;
      const crlfAtStart = this.charCodeAt(startOffset - 1) === 13 && this.charCodeAt(startOffset) === 10;
      const crlfAtEnd = this.charCodeAt(insertedEnd - 1) === 13 && this.charCodeAt(insertedEnd) === 10;
      if (crlfAtStart || crlfAtEnd || !this.lineOffsets) {
        // A CRLF pair across an edit boundary is not in the inserted text's line offsets.
        this.lineOffsets = undefined;
        continue;
      }
      // Lines after the change move by `diff`: recorded as a shift of every line from
      // `shiftFrom` on, so that a burst of changes near each other does not move every line
      // below them once per change (only the lines between one change and the next).
      const offsets = this.lineOffsets;
      // (A range past the last line ends at the end of the text, as offsetAt reads it.)
      const first = Math.min(Math.max(range.start.line, 0) + 1, offsets.length);
      const last = Math.min(Math.max(range.end.line, 0) + 1, offsets.length);
      if (this.shift !== 0 && this.shiftFrom < first) {
        for (let i = this.shiftFrom; i < Math.min(first, offsets.length); i++) offsets[i] += this.shift;
      } else if (this.shift !== 0) {
        for (let i = first; i < Math.min(this.shiftFrom, offsets.length); i++) offsets[i] -= this.shift;
      }
      this.shiftFrom = first;
      const diff = change.text.length - (endOffset - startOffset);
      // The lines the change holds, stored so that with the new shift they read as they are.
      const added = computeLineOffsets(change.text, false, startOffset);
      for (let i = 0; i < added.length; i++) added[i] -= this.shift + diff;
      this.shift += diff;
      if (last - first === added.length) {
        for (let i = 0; i < added.length; i++) offsets[first + i] = added[i];
      } else if (added.length < 10000) {
        offsets.splice(first, last - first, ...added);
      } else {
        this.lineOffsets = offsets.slice(0, first).concat(added, offsets.slice(last));
      }
    }
    this._version = version;
    return this;
  }

  /** Replaces [start, end) by `text`, as slices of the pieces around it. */
  private splice(start: number, end: number, text: string): void {
    const out: string[] = [];
    let at = 0;
    let placed = false;
    for (const p of this.pieces) {
      const pEnd = at + p.length;
      if (pEnd <= start || at >= end) {
        if (at >= end && !placed) {
          if (text) out.push(text);
          placed = true;
        }
        if (p.length) out.push(p);
      } else {
        if (start > at) out.push(p.slice(0, start - at));
        if (!placed) {
          if (text) out.push(text);
          placed = true;
        }
        if (end < pEnd) out.push(p.slice(end - at));
      }
      at = pEnd;
    }
    if (!placed && text) out.push(text);
    this.length += text.length - (end - start);
    this.pieces = out.length > MAX_PIECES ? [out.join('')] : out.length ? out : [''];
  }
}

function isEOL(c: number): boolean {
  return c === 13 || c === 10;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function computeLineOffsets(text: string, isAtLineStart: boolean, textOffset: number): number[] {
  const result: number[] = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
