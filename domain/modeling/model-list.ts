/**
 * The modeler's list of resources: kind, what each defines (ids and names), its latest version and its draft's
 * state. Contents are parsed once per content (cached by the text itself, which changes only on a new version).
 */
import { ModelDraft } from '../../db/modeling/modeling-models';
import { allResources, currentContent, kindOf, latestVersion } from './model-resources';
import { parseModel, UnreadableModel, type Defined } from './model-summary';

const definedCache = new Map<string, Defined[]>();

async function definedBy(resource: string, content: string): Promise<Defined[]> {
  const cached = definedCache.get(content);
  if (cached) return cached;
  const defines = await parseModel(kindOf(resource), content).then(
    (parsed) => parsed.defines,
    (error: Error) => {
      if (error instanceof UnreadableModel) return [];
      throw error;
    },
  );
  definedCache.set(content, defines);
  return defines;
}

export async function listModels() {
  const drafts = new Map((await ModelDraft.findAll()).map((draft) => [draft.resource, draft]));
  const items = [];
  for (const resource of await allResources()) {
    const latest = await latestVersion(resource);
    const draft = drafts.get(resource);
    const content = latest?.content ?? (await currentContent(resource).catch(() => draft?.content ?? ''));
    items.push({
      resource,
      kind: kindOf(resource),
      defines: await definedBy(resource, content),
      latestVersion: latest?.version ?? null,
      draft: draft ? { revision: draft.revision, savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString() } : null,
    });
  }
  return { items };
}
