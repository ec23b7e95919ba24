// The options the reading commands share (check, report, alignment): `--format F` (or
// `--format=F`), and the files or folders to read. One reading, so every command words its
// mistakes alike.

interface Output {
  err: (s: string) => void;
}

/**
 * `formats[0]` is the default; `aliases` maps another spelling to one of them (`md` → `markdown`).
 * Returns the exit status 2 after saying what is wrong (an unknown option, a format not in the
 * list, or no path, with `noPaths` saying what to name).
 */
export function readFormatAndPaths<F extends string>(
  args: readonly string[],
  formats: readonly F[],
  io: Output,
  usage: string,
  noPaths: string,
  aliases: Readonly<Record<string, F>> = {},
): { format: F; targets: string[] } | number {
  let format = formats[0];
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      const f = (v !== undefined && Object.prototype.hasOwnProperty.call(aliases, v) ? aliases[v] : v) as F;
      if (!formats.includes(f)) {
        const names = `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
        io.err(`planwright: --format must be ${names}, not ${v === undefined ? 'nothing' : `"${v}"`}.`);
        return 2;
      }
      format = f;
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`planwright: unknown option "${a}".\n\n${usage}`);
      return 2;
    } else targets.push(a);
  }
  if (!targets.length) {
    io.err(`planwright: ${noPaths}\n\n${usage}`);
    return 2;
  }
  return { format, targets };
}
