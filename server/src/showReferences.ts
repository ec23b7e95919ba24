// `planwright.showReferences` for editors other than VS Code: the command every code lens
// carries ("3 references"), run by the server when the client does not run it itself. With
// window/showDocument (LSP 3.16) the editor opens the first place that names the item, with the
// others listed in a message; without it, the message lists them all ("file.plan.yaml:457").
import type { Location } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';

export interface ShowReferencesWindow {
  canShowDocument: boolean;
  showDocument(params: { uri: string; takeFocus: boolean; selection: Location['range'] }): Promise<unknown>;
  showInformationMessage(message: string): void;
}

/** Arguments as the lens sends them: `[uri, position, locations]`. Anything else is ignored. */
export async function showReferences(window: ShowReferencesWindow, args: unknown[] | undefined): Promise<{ locations: Location[] } | null> {
  const locations = Array.isArray(args?.[2]) ? (args[2] as unknown[]).filter(isLocation) : undefined;
  if (!locations) return null;
  const places = locations.map((l) => `${fileName(l.uri)}:${l.range.start.line + 1}`);
  const n = locations.length;
  const counted = `${n} reference${n === 1 ? '' : 's'}`;
  if (n === 0) window.showInformationMessage('No entry names this item.');
  else if (window.canShowDocument) {
    await window.showDocument({ uri: locations[0].uri, takeFocus: true, selection: locations[0].range });
    if (n > 1) window.showInformationMessage(`${counted}: ${places.join(', ')}`);
  } else window.showInformationMessage(`${counted}: ${places.join(', ')}`);
  return { locations };
}

function isLocation(l: unknown): l is Location {
  const x = l as Location | null;
  return !!x && typeof x.uri === 'string' && typeof x.range?.start?.line === 'number' && typeof x.range?.start?.character === 'number';
}

function fileName(uri: string): string {
  try {
    const path = URI.parse(uri).path;
    return path.slice(path.lastIndexOf('/') + 1);
  } catch {
    return uri;
  }
}
