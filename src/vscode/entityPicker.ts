// Asking the user for an entity: the likely ones first (named near the words), then all, or a new one.
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import { addEntity, type TextEdit } from '../core/edits';
import { freeEntityId } from '../core/fixes';
import { ENTITY_TYPES, type EntityType } from '../core/model';

/**
 * The answer to pickEntity(): an entity, by its id, with the edits that add it to the annotation file
 * when the user made a new one (none for an existing one); or one of the other choices offered.
 */
export type PickedEntity =
  | { readonly kind: 'entity'; readonly id: string; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'other'; readonly value: string };

interface EntityItem extends vscode.QuickPickItem {
  readonly id?: string;
  readonly value?: string;
}

/** Another answer than an entity, offered after them ("No source yet", a basis…). */
export interface OtherChoice {
  readonly label: string;
  readonly value: string;
  readonly description?: string;
}

export async function pickEntity(
  analysis: Analysis,
  likely: readonly string[],
  title: string,
  suggestedName = '',
  otherChoices: readonly OtherChoice[] = [],
): Promise<PickedEntity | undefined> {
  const item = (id: string): EntityItem => {
    const entity = analysis.entities.get(id)!;
    return { id, label: entity.name, description: entity.anonymous ? 'anonymous source' : entity.type, detail: entity.description };
  };
  const likelySet = new Set(likely.filter((id) => analysis.entities.has(id)));
  const others = [...analysis.entities.keys()].filter((id) => !likelySet.has(id)).sort((a, b) => item(a).label.localeCompare(item(b).label));
  const items: EntityItem[] = [
    ...(likelySet.size > 0 ? [{ label: 'Named nearby', kind: vscode.QuickPickItemKind.Separator } as EntityItem] : []),
    ...[...likelySet].map(item),
    ...(others.length > 0 ? [{ label: 'All entities', kind: vscode.QuickPickItemKind.Separator } as EntityItem] : []),
    ...others.map(item),
    // Neither an id nor a value: the new entity.
    { label: '$(add) New entity…', alwaysShow: true },
    ...(otherChoices.length > 0 ? [{ label: 'Or', kind: vscode.QuickPickItemKind.Separator } as EntityItem] : []),
    ...otherChoices.map((choice) => ({ label: choice.label, description: choice.description, value: choice.value, alwaysShow: true })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Who? Type to filter', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  if (picked.id) return { kind: 'entity', id: picked.id, edits: [] };
  if (picked.value !== undefined) return { kind: 'other', value: picked.value };
  const entity = await askNewEntity(suggestedName);
  if (!entity) return undefined;
  // An id no entity of this analysis has, written into the article's own annotation file.
  const id = freeEntityId(analysis, entity.name);
  return { kind: 'entity', id, edits: addEntity(analysis.annotations, id, entity) };
}

async function askNewEntity(suggestedName: string): Promise<{ name: string; type: EntityType } | undefined> {
  const name = await vscode.window.showInputBox({
    title: 'New entity',
    prompt: 'Name, as the draft writes it in full (e.g. "Volodymyr Zelensky")',
    value: suggestedName,
    validateInput: (value) => (value.trim() === '' ? 'A name is needed' : undefined),
  });
  if (!name) return undefined;
  const type = await vscode.window.showQuickPick(
    ENTITY_TYPES.map((entityType) => ({ label: entityType })),
    { title: `What is ${name.trim()}?`, placeHolder: 'person, organization, place…' },
  );
  if (!type) return undefined;
  return { name: name.trim(), type: type.label as EntityType };
}
