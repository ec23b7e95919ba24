// Splits a plan's text into blocks that can be parsed on their own: each top-level section,
// and each goal of a block-style `goals:` list. YAML's indentation makes these boundaries
// visible from the first characters of each line. Anything this scanner is not sure about
// (documents markers, tabs, flow or complex keys at the top level, ...) makes it give up,
// and the caller parses the whole text instead.
//
// `goals:` is split into goal blocks only when nothing but a comment follows it on its line and
// a block list follows. Otherwise (`goals: [...]`, `goals: &g`, `goals: !!seq`, no entries) it
// is returned as a head section like any other; parse.ts reads a head section without its goal
// entries, so it keeps that reading only when the section holds none, and reads the whole text
// otherwise.

export interface Block {
  start: number;
  end: number;
}

export interface HeadBlock extends Block {
  key: string;
}

export interface Split {
  heads: HeadBlock[];
  /** The `goals:` key, when the goals are a block list split into `goalBlocks`. */
  goals?: { keyStart: number; keyEnd: number; start: number; end: number; itemIndent: number };
  goalBlocks: Block[];
}

const KEY = /([A-Za-z_$][A-Za-z0-9_$-]*)[ ]*:(?=[ \t]|\r|\n|$)/y;

export function splitBlocks(text: string): Split | undefined {
  // Lines are found at \n; a lone \r also ends a line (for LSP and for yaml, see parse.ts).
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  const heads: HeadBlock[] = [];
  const goalBlocks: Block[] = [];
  const keys = new Set<string>();
  let goals: Split['goals'];
  let current: HeadBlock | undefined; // head section being read
  let inGoals = false;
  let itemIndent = -1;
  const len = text.length;
  let pos = 0;

  const closeSection = (at: number) => {
    if (current) {
      current.end = at;
      heads.push(current);
      current = undefined;
    }
    if (inGoals) {
      goals!.end = at;
      if (goalBlocks.length) goalBlocks[goalBlocks.length - 1].end = at;
      inGoals = false;
    }
  };

  while (pos < len) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = len;
    const c = text.charCodeAt(pos);
    if (c === 10 || c === 13 || c === 35 /* # */) {
      // blank line or comment at column 0: belongs to the block around it
    } else if (c === 32) {
      let i = pos;
      while (i < eol && text.charCodeAt(i) === 32) i++;
      const d = i < eol ? text.charCodeAt(i) : 10;
      const blank = d === 10 || d === 13 || d === 35;
      if (d === 9 && !inGoals && !current) return undefined;
      if (!blank) {
        if (!current && !inGoals) return undefined; // indented content before any key
        if (inGoals) {
          const indent = i - pos;
          const isItem = d === 45 /* - */ && (i + 1 >= eol || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 13);
          if (itemIndent < 0) {
            if (!isItem) return undefined;
            itemIndent = goals!.itemIndent = indent;
            goalBlocks.push({ start: pos, end: len });
          } else if (indent === itemIndent && isItem) {
            goalBlocks[goalBlocks.length - 1].end = pos;
            goalBlocks.push({ start: pos, end: len });
          } else if (indent < itemIndent) {
            return undefined;
          }
        }
      }
    } else if (c === 9 /* tab */) {
      // A line indented with a tab is a YAML error inside the block it is in (parse.ts repairs
      // it there, or checks that the error stays inside); it starts no block.
      if (!current && !(inGoals && itemIndent >= 0)) return undefined;
    } else if (c === 45 /* - */) {
      const n = text.charCodeAt(pos + 1);
      const isItem = pos + 1 >= len || n === 32 || n === 10 || n === 13;
      if (!isItem || !inGoals || itemIndent > 0) return undefined;
      if (itemIndent < 0) itemIndent = goals!.itemIndent = 0;
      else goalBlocks[goalBlocks.length - 1].end = pos;
      goalBlocks.push({ start: pos, end: len });
    } else {
      KEY.lastIndex = pos;
      const m = KEY.exec(text);
      if (!m) return undefined;
      const key = m[1];
      if (keys.has(key)) return undefined; // let the full parse report the duplicate key
      keys.add(key);
      closeSection(pos);
      const rest = text.slice(pos + m[0].length, eol).trim();
      if (key === 'goals' && (rest === '' || rest.startsWith('#'))) {
        inGoals = true;
        itemIndent = -1;
        goals = { keyStart: pos, keyEnd: pos + key.length, start: pos, end: len, itemIndent: -1 };
      } else {
        current = { key, start: pos, end: len };
      }
    }
    pos = eol + 1;
  }
  closeSection(len);
  if (goals && !goalBlocks.length) {
    // `goals:` with no items: read it like any other section.
    heads.push({ key: 'goals', start: goals.start, end: goals.end });
    heads.sort((a, b) => a.start - b.start);
    goals = undefined;
  }
  return { heads, goals, goalBlocks };
}
