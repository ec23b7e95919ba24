// The Plan view (Explorer): every plan the server knows, each with its goals, objectives and
// sub-objectives. The server computes the outline from its plan model; this file only turns it
// into tree items, one level at a time as they are expanded (a 63k-line plan's whole tree is 6 MB),
// refreshes on `planwright/planChanged` and follows the cursor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** `State.Running` of vscode-languageclient, written out: a value import would load the library with this module. */
const RUNNING = 2;
import {
  PlanChangedNotification,
  PlanSectionsRequest,
  PlansRequest,
  PlanTreeRequest,
  type PlanSectionNode,
  type PlanChangedParams,
  type PlanSummary,
  type PlanTreeNode,
  type PlanTreeParams,
} from './protocol';
import { containing, PLAN_LANGUAGE, PLAN_VIEW_ID, problemsText } from './outline';

export interface PlanRoot {
  readonly type: 'plan';
  /** The server's uri, sent back as is in requests. */
  readonly uri: string;
  summary: PlanSummary;
}

export interface PlanItem {
  readonly type: 'item';
  readonly root: PlanRoot;
  readonly parent: PlanRoot | PlanItem;
  /** Position in the outline ("0/2/1"): unique even when a plan repeats a number. */
  readonly path: string;
  /** The same position as the server's `planTree` request takes it. */
  readonly indices: number[];
  readonly node: PlanTreeNode;
  /** Its children, asked for the first time they are needed (expanded, or the cursor enters). */
  children?: Promise<PlanItem[]>;
}

/** Mission, vision, values, units (above the goals), and the values and units under them. */
export interface PlanSection {
  readonly type: 'section';
  readonly root: PlanRoot;
  readonly parent: PlanRoot | PlanSection;
  readonly path: string;
  readonly node: PlanSectionNode;
}

export type PlanElement = PlanRoot | PlanItem | PlanSection;

/** Codicons a plan writer reads: a compass for the mission, an eye for the vision, ... */
export const SECTION_ICON: Record<PlanSectionNode['key'], string> = { mission: 'compass', vision: 'eye', values: 'heart', value: 'heart', units: 'organization', unit: 'account' };
const SECTION_NAME: Record<PlanSectionNode['key'], string> = { mission: 'Mission', vision: 'Vision', values: 'Values', value: 'Value', units: 'Units', unit: 'Unit' };

/** The context key that says whether the view is filtered: package.json shows the filter's button or the one to show all by it. */
export const NOT_MET_CONTEXT = 'planwright.planView.notMetOnly';

const KIND_NAME: Record<PlanTreeNode['kind'], string> = { goal: 'Goal', objective: 'Objective', subobjective: 'Sub-objective' };
export const KIND_ICON: Record<PlanTreeNode['kind'], string> = { goal: 'target', objective: 'milestone', subobjective: 'circle-small-filled' };

// Uri strings from the server and from VS Code may differ in encoding (`c%3A` vs `c:`).
const uriKey = (uri: string | vscode.Uri): string => (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();

export class PlanView implements vscode.TreeDataProvider<PlanElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Root objects are kept across refreshes: `reveal` and expansion state need stable elements. */
  private readonly roots = new Map<string, PlanRoot>();
  private readonly outlines = new Map<string, Promise<PlanItem[]>>();
  private readonly view: vscode.TreeView<PlanElement>;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private followTimer: NodeJS.Timeout | undefined;
  /** Only the items with a measure not met, and the items above them (the view's filter). */
  private notMetOnly = false;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView(PLAN_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      client.onNotification(PlanChangedNotification, (p: PlanChangedParams) => this.planChanged(p.uri)),
      // A restarted server may know other plans, or the same plans differently.
      client.onDidChangeState((e) => e.newState === RUNNING && this.refresh()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleFollow(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.scheduleFollow(e)),
      this.view.onDidChangeVisibility((e) => e.visible && this.scheduleFollow(vscode.window.activeTextEditor)),
      vscode.commands.registerCommand('planwright.planView.filterNotMet', () => this.setNotMetOnly(true)),
      vscode.commands.registerCommand('planwright.planView.showAll', () => this.setNotMetOnly(false)),
    );
    void vscode.commands.executeCommand('setContext', NOT_MET_CONTEXT, false);
  }

  /** Shows only the items with a measure not met (and their ancestors), or every item again. */
  private setNotMetOnly(on: boolean): void {
    this.notMetOnly = on;
    void vscode.commands.executeCommand('setContext', NOT_MET_CONTEXT, on);
    this.view.message = on ? 'Showing only the items with a measure not met in its latest year with a result, and the items above them.' : undefined;
    this.refresh();
  }

  /** The filter to send with every `planTree` request: the paths of the answer count within it. */
  private filter(): Pick<PlanTreeParams, 'filter'> {
    return this.notMetOnly ? { filter: 'measures-not-met' } : {};
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.followTimer);
    for (const d of this.disposables) d.dispose();
  }

  /** Forgets every outline and asks VS Code to redraw the view. */
  refresh(): void {
    this.outlines.clear();
    this.changed.fire(undefined);
  }

  private planChanged(uri: string): void {
    this.outlines.delete(uriKey(uri));
    // The server publishes once per plan; a workspace scan publishes many at once.
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changed.fire(undefined), 150);
  }

  getTreeItem(el: PlanElement): vscode.TreeItem {
    return el.type === 'plan' ? this.planItem(el) : el.type === 'section' ? this.sectionItem(el) : this.outlineItem(el);
  }

  async getChildren(el?: PlanElement): Promise<PlanElement[]> {
    if (!el) return this.loadRoots();
    if (el.type === 'plan') {
      const [sections, goals] = await Promise.all([this.sections(el), this.outline(el)]);
      return [...sections, ...goals];
    }
    if (el.type === 'section') return el.node.children.map((node, i) => ({ type: 'section', root: el.root, parent: el, path: `${el.path}/${i}`, node }));
    return this.childrenOf(el);
  }

  getParent(el: PlanElement): PlanElement | undefined {
    return el.type === 'plan' ? undefined : el.parent;
  }

  private async loadRoots(): Promise<PlanRoot[]> {
    const plans = await this.request<PlanSummary[]>(PlansRequest, undefined);
    if (!plans) return [...this.roots.values()];
    const seen = new Set<string>();
    const result: PlanRoot[] = [];
    for (const summary of plans) {
      const key = uriKey(summary.uri);
      if (seen.has(key)) continue;
      seen.add(key);
      let root = this.roots.get(key);
      if (root) root.summary = summary;
      else this.roots.set(key, (root = { type: 'plan', uri: summary.uri, summary }));
      result.push(root);
    }
    for (const key of [...this.roots.keys()]) {
      if (!seen.has(key)) {
        this.roots.delete(key);
        this.outlines.delete(key);
      }
    }
    return result.sort((a, b) => planName(a).localeCompare(planName(b)) || a.uri.localeCompare(b.uri));
  }

  /** Mission, vision, values and units, asked for with the goals (they are few). */
  private async sections(root: PlanRoot): Promise<PlanSection[]> {
    // Filtered to the measures not met, the view shows those items only: no mission, values or units.
    if (this.notMetOnly) return [];
    const nodes = await this.request<PlanSectionNode[]>(PlanSectionsRequest, { uri: root.uri });
    return (nodes ?? []).map((node, i) => ({ type: 'section', root, parent: root, path: `s${i}`, node }));
  }

  private sectionItem(el: PlanSection): vscode.TreeItem {
    const { node } = el;
    const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `section:${uriKey(el.root.uri)}#${el.path}:${node.key}`;
    item.contextValue = node.key;
    item.description = node.title || undefined;
    // The whole text on hover: the row cuts it.
    const tooltip = new vscode.MarkdownString().appendMarkdown('**').appendText(node.key === 'value' || node.key === 'unit' ? `${SECTION_NAME[node.key]}: ${node.label}` : node.label).appendMarkdown('**');
    if (node.title) tooltip.appendMarkdown('\n\n').appendText(node.title);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(SECTION_ICON[node.key]);
    const selection = this.client.protocol2CodeConverter.asRange(node.selectionRange);
    item.command = { title: 'Go to Section', command: 'vscode.open', arguments: [vscode.Uri.parse(el.root.uri), { selection } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  /** The goals of a plan, asked for once per version of the plan. */
  private outline(root: PlanRoot): Promise<PlanItem[]> {
    const key = uriKey(root.uri);
    let items = this.outlines.get(key);
    if (!items) {
      const params: PlanTreeParams = { uri: root.uri, path: [], depth: 1, ...this.filter() };
      items = this.request<PlanTreeNode[]>(PlanTreeRequest, params).then((nodes) => {
        if (!nodes) this.outlines.delete(key); // try again next time rather than cache a failure
        return wrap(nodes ?? [], root, root, []);
      });
      this.outlines.set(key, items);
    }
    return items;
  }

  /** The objectives of a goal, or the sub-objectives of an objective. */
  private childrenOf(item: PlanItem): Promise<PlanItem[]> {
    if (!childCount(item.node)) return Promise.resolve([]);
    if (!item.children) {
      const params: PlanTreeParams = { uri: item.root.uri, path: item.indices, depth: 1, ...this.filter() };
      item.children = this.request<PlanTreeNode[]>(PlanTreeRequest, params).then((nodes) => {
        if (!nodes) item.children = undefined; // try again next time rather than cache a failure
        return wrap(nodes ?? [], item.root, item, item.indices);
      });
    }
    return item.children;
  }

  private async request<R>(method: string, params: unknown): Promise<R | undefined> {
    try {
      return await this.client.sendRequest<R>(method, params);
    } catch (e) {
      // The server is starting, stopped or restarting: show what we have; a notification refreshes.
      this.client.outputChannel.appendLine(`Plan view: ${method} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private planItem(root: PlanRoot): vscode.TreeItem {
    const { summary } = root;
    const uri = vscode.Uri.parse(root.uri);
    const item = new vscode.TreeItem(planName(root), this.roots.size === 1 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `plan:${uriKey(root.uri)}`;
    item.contextValue = 'plan';
    const problems = problemsText(summary.errors, summary.warnings);
    const where = uri.scheme === 'untitled' ? `${vscode.workspace.asRelativePath(uri.path)} (unsaved)` : vscode.workspace.asRelativePath(uri);
    item.description = problems || where;
    item.tooltip = new vscode.MarkdownString().appendText(planName(root)).appendMarkdown('\n\n').appendText(where + (problems ? ` — ${problems}` : ''));
    item.iconPath = problemIcon('book', summary.errors, summary.warnings);
    item.command = { title: 'Open Plan', command: 'vscode.open', arguments: [uri] };
    return item;
  }

  private outlineItem(el: PlanItem): vscode.TreeItem {
    const { node } = el;
    const item = new vscode.TreeItem(itemLabel(node), childCount(node) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `item:${uriKey(el.root.uri)}#${el.path}`;
    item.contextValue = node.kind;
    const problems = problemsText(node.errors, node.warnings);
    // "3 of 4 measures met in FY2022" after any problems, then the items of other plans it is aligned with.
    const aligned = [node.supportedBy?.length ? `supported by ${node.supportedBy.map(alignedNumber).join(', ')}` : '', node.supports?.length ? `supports ${node.supports.map(alignedNumber).join(', ')}` : ''];
    item.description = [problems, node.measureSummary, ...aligned].filter(Boolean).join(' · ') || undefined;
    const tooltip = new vscode.MarkdownString()
      .appendMarkdown('**')
      .appendText(node.id ? `${KIND_NAME[node.kind]} ${node.id}` : node.label)
      .appendMarkdown('**\n\n')
      .appendText(node.title + (problems ? `\n\n${problems}` : ''));
    if (node.measureSummary) tooltip.appendMarkdown('\n\n').appendText(node.measureSummary);
    for (const m of node.measures ?? []) tooltip.appendMarkdown('\n\n').appendText(`${m.id} ${m.name}: ${m.statusText}`);
    if (node.supportedBy?.length) tooltip.appendMarkdown('\n\n').appendText(`Supported by ${node.supportedBy.join('; ')}`);
    if (node.supports?.length) tooltip.appendMarkdown('\n\n').appendText(`Supports ${node.supports.join('; ')}`);
    item.tooltip = tooltip;
    item.iconPath = problemIcon(KIND_ICON[node.kind], node.errors, node.warnings);
    const selection = this.client.protocol2CodeConverter.asRange(node.selectionRange);
    item.command = { title: 'Go to Item', command: 'vscode.open', arguments: [vscode.Uri.parse(el.root.uri), { selection } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  private scheduleFollow(editor: vscode.TextEditor | undefined): void {
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => void this.follow(editor), 120);
  }

  /** Selects the innermost item under the cursor, without taking focus from the editor. */
  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    // `reveal` opens a hidden view: following the cursor must never do that.
    if (!this.view.visible || !editor || editor.document.languageId !== PLAN_LANGUAGE) return;
    const root = this.roots.get(uriKey(editor.document.uri));
    if (!root) return;
    // Down from the goals, one level at a time: only the levels on the way are asked for.
    const pos = editor.selection.active;
    let target: PlanElement = root;
    for (let items = await this.outline(root); ; ) {
      const hit = containing(items, pos);
      if (!hit) break;
      target = hit;
      if (!childCount(hit.node)) break;
      items = await this.childrenOf(hit);
    }
    if (editor !== vscode.window.activeTextEditor || !this.view.visible) return;
    if (this.view.selection.length === 1 && this.view.selection[0] === target) return;
    try {
      await this.view.reveal(target, { select: true, focus: false, expand: false });
    } catch {
      // The view was redrawn meanwhile and no longer holds this element; the next move retries.
    }
  }
}

function planName(root: PlanRoot): string {
  if (root.summary.title) return root.summary.title;
  const path = vscode.Uri.parse(root.uri).path;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** "1.2 Modernize Cranes": the number the plan writer types, then the title. */
/** "ICE 2.1" of "ICE 2.1 Title" (the server's label: acronym, number, title): the description stays short, the tooltip has the titles. */
function alignedNumber(label: string): string {
  const m = /^(\S+ (?:measure )?\S+)/.exec(label);
  return m ? m[1] : label;
}

function itemLabel(node: PlanTreeNode): string {
  return node.title ? `${node.label} ${node.title}` : node.label;
}

function problemIcon(icon: string, errors: number, warnings: number): vscode.ThemeIcon {
  if (errors > 0) return new vscode.ThemeIcon(icon, new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (warnings > 0) return new vscode.ThemeIcon(icon, new vscode.ThemeColor('problemsWarningIcon.foreground'));
  return new vscode.ThemeIcon(icon);
}

function wrap(nodes: PlanTreeNode[], root: PlanRoot, parent: PlanRoot | PlanItem, prefix: number[]): PlanItem[] {
  return nodes.map((node, i) => {
    const indices = [...prefix, i];
    return { type: 'item', root, parent, path: indices.join('/'), indices, node };
  });
}

/** Children of a node, whether the server sent them or only counted them. */
function childCount(node: PlanTreeNode): number {
  return node.childCount ?? node.children?.length ?? 0;
}
