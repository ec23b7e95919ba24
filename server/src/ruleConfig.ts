// Config files on disk (`.planwright.yaml`, `.planwright.yml` or `.planwright.json`), for the
// server and the CLI: the nearest one in a plan's folder or any folder above it applies to it (as
// markdownlint's: nearest wins, no merging). Folders are looked at once and remembered until a
// watcher says a config file there changed. Reading the text into settings is the service's
// (service/config.ts), which does no I/O.
import { promises as fs } from 'fs';
import * as path from 'path';
import { readRuleConfig, CONFIG_FILE_NAMES, type RuleConfig } from './service/config';
import { NO_SETTINGS, type RuleSettings } from './service/rules';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toLspDiagnostic } from './service/features/diagnostics';
import { LineIndex, stripBom } from './service/text';

export interface ConfigFile {
  /** Absolute path. */
  file: string;
  text: string;
  config: RuleConfig;
}

/** Reads a file's text; undefined when there is no such file. Tests give their own. */
export type ReadConfigText = (file: string) => Promise<string | undefined>;

const readText: ReadConfigText = async (file) => {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return undefined;
    return stripBom(await fs.readFile(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    // Unreadable (permission denied, ...): reported on the file rather than silently ignored.
    return `\u0000unreadable: ${(e as Error)?.message ?? String(e)}`;
  }
};

export function isConfigFile(file: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file));
}

export class RuleConfigs {
  /** Folders looked at: the config file found there, or null for none. */
  private readonly known = new Map<string, ConfigFile | null>();
  private readonly loading = new Map<string, Promise<void>>();

  /**
   * `changed(file, config, recheck)`: a config file was read (config: its problems are to be
   * shown) or is gone (null); `recheck`: plans may have been checked without it, check them again.
   */
  constructor(
    private readonly changed: (file: string, config: ConfigFile | null, recheck: boolean) => void = () => undefined,
    private readonly read: ReadConfigText = readText,
  ) {}

  /** The folders a plan's config may be in, nearest first. */
  private static folders(planFile: string): string[] {
    const out: string[] = [];
    for (let dir = path.dirname(path.resolve(planFile)); ; dir = path.dirname(dir)) {
      out.push(dir);
      if (path.dirname(dir) === dir) return out;
    }
  }

  /**
   * The settings of the nearest config file above `planFile`, from what is known now; a folder
   * not looked at yet is looked at (then `changed` is called if a config file is found there).
   */
  settingsFor(planFile: string): RuleSettings {
    return this.configOf(planFile)?.config.settings ?? NO_SETTINGS;
  }

  /** The config file that applies to `planFile`, from what is known now. */
  configOf(planFile: string): ConfigFile | undefined {
    for (const dir of RuleConfigs.folders(planFile)) {
      const k = this.known.get(dir);
      if (k) return k;
      if (k === undefined) void this.load(dir, true);
    }
    return undefined;
  }

  /** Whether every folder that may hold `planFile`'s config file has been looked at (settingsFor is final). */
  ready(planFile: string): boolean {
    for (const dir of RuleConfigs.folders(planFile)) {
      const k = this.known.get(dir);
      if (k === undefined) return false;
      if (k) return true;
    }
    return true;
  }

  /** Looks at every folder that may hold `planFile`'s config file; after it, settingsFor is final. */
  async prepare(planFile: string): Promise<void> {
    for (const dir of RuleConfigs.folders(planFile)) {
      if (!this.known.has(dir)) await this.load(dir, false);
      if (this.known.get(dir)) return;
    }
  }

  /** A config file changed, appeared or went away (the watcher said): its folder is read again. */
  async reported(file: string): Promise<void> {
    if (!isConfigFile(file)) return;
    const dir = path.dirname(path.resolve(file));
    if (!this.known.has(dir) && !this.loading.has(dir)) {
      // Never looked at: no plan asked yet. Read it now so that its problems are shown.
      await this.load(dir, true);
      return;
    }
    await this.loading.get(dir);
    const before = this.known.get(dir) ?? null;
    this.known.delete(dir);
    await this.load(dir, false, true);
    const after = this.known.get(dir) ?? null;
    if (before && (!after || after.file !== before.file)) this.changed(before.file, null, !after);
    if (after) this.changed(after.file, after, true);
  }

  /** Config files found so far. */
  files(): ConfigFile[] {
    return [...this.known.values()].filter((c): c is ConfigFile => !!c);
  }

  private load(dir: string, notify: boolean, quiet = false): Promise<void> {
    const busy = this.loading.get(dir);
    if (busy) return busy;
    const p = (async () => {
      let found: ConfigFile | null = null;
      for (const name of CONFIG_FILE_NAMES) {
        const file = path.join(dir, name);
        let text: string | undefined;
        try {
          text = await this.read(file);
        } catch (e) {
          text = `\u0000unreadable: ${(e as Error)?.message ?? String(e)}`;
        }
        if (text === undefined) continue;
        const config: RuleConfig = text.startsWith('\u0000unreadable: ')
          ? { settings: NO_SETTINGS, problems: [{ span: { start: 0, end: 0 }, severity: 'error', code: 'config-invalid', message: `${name} cannot be read (${text.slice('\u0000unreadable: '.length)}); it is ignored.` }] }
          : readRuleConfig(text, name);
        found = { file, text: text.startsWith('\u0000') ? '' : text, config };
        break;
      }
      this.known.set(dir, found);
      this.loading.delete(dir);
      if (found && !quiet) this.changed(found.file, found, notify);
    })();
    this.loading.set(dir, p);
    return p;
  }
}

/** Makes `service` ask `configs` for each plan's settings (plans not on disk: `fallbackFolder`'s). */
export function useRuleConfigs(workspace: { rulesFor: (uri: string) => RuleSettings }, configs: RuleConfigs, fallbackFolder: () => string | undefined = () => undefined): (uri: string) => string | undefined {
  const fileFor = (uri: string) => {
    const folder = fileOfUri(uri) ? undefined : fallbackFolder();
    return fileOfUri(uri) ?? (folder ? path.join(folder, 'untitled.plan.yaml') : undefined);
  };
  workspace.rulesFor = (uri) => {
    const file = fileFor(uri);
    return file ? configs.settingsFor(file) : NO_SETTINGS;
  };
  /** The path whose folders hold the config file of `uri` (a plan not on disk: the fallback folder's). */
  return fileFor;
}

const filePaths = new Map<string, string | null>();
/** The file system path of a `file:` URI (remembered: asked on every check). */
function fileOfUri(uri: string): string | undefined {
  let p = filePaths.get(uri);
  if (p === undefined) {
    try {
      const u = URI.parse(uri);
      p = u.scheme === 'file' ? u.fsPath : null;
    } catch {
      p = null;
    }
    if (filePaths.size > 10_000) filePaths.clear();
    filePaths.set(uri, p);
  }
  return p ?? undefined;
}

/** A config file's problems as LSP diagnostics, on the config file. */
export function configFileDiagnostics(c: ConfigFile): { uri: string; diagnostics: Diagnostic[] } {
  const uri = URI.file(c.file).toString();
  const doc = { uri, lines: new LineIndex(c.text) };
  return { uri, diagnostics: c.config.problems.map((d) => toLspDiagnostic(doc, d)) };
}
