// Writing a file that must be new (an imported plan): it is created only if nothing is at its
// path, in the same step as the write, so a file made between the check the command does first
// and the write (an editor's save, a second import while the server reads the first) is never
// overwritten. VS Code's file system API (`workspace.fs.writeFile`) has no such flag; a file on
// disk is created with O_EXCL (`wx`, as `planwright import` does), and a file of another file
// system through a WorkspaceEdit's `createFile` without `overwrite`, which VS Code refuses when
// the file exists. No `vscode` import here: the caller hands in the other file systems' way.
import { promises as fs } from 'fs';

/** Where to write: a VS Code URI's scheme and, for `file`, its path. */
export interface NewFileTarget {
  readonly scheme: string;
  readonly fsPath: string;
}

/**
 * Writes `bytes` to a new file: 'exists' (and nothing written) when a file or folder is there
 * already. `elsewhere` writes a file of a scheme other than `file` the same way. Other failures
 * (no such folder, no permission, disk full) are thrown; a file this created and could not fill
 * is removed.
 */
export async function writeNewFile(target: NewFileTarget, bytes: Uint8Array, elsewhere: () => Promise<'created' | 'exists'>): Promise<'created' | 'exists'> {
  if (target.scheme !== 'file') return elsewhere();
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(target.fsPath, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'EEXIST') return 'exists';
    throw e;
  }
  try {
    await handle.writeFile(bytes);
    await handle.close();
  } catch (e) {
    // Ours, and not whole: removed rather than left half written.
    await handle.close().catch(() => undefined);
    await fs.unlink(target.fsPath).catch(() => undefined);
    throw e;
  }
  return 'created';
}
