/**
 * A resource's draft on the server. Opening it creates it from what runs now (and tells the analyst who else opened
 * it lately); every save names the revision it was based on, and a save on a stale revision is refused with who
 * saved in between (409), so two analysts never silently overwrite each other. Import replaces the draft's content
 * with an uploaded file once it parses as the resource's kind.
 */
import { Op } from 'sequelize';
import { ModelDraft, ModelDraftOpener } from '../../db/modeling/modeling-models';
import { AppError, validationError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import { checkedResource, currentContent, kindOf, latestVersion } from './model-resources';
import { parseModel, UnreadableModel } from './model-summary';

/** Another analyst who opened the draft within this time is named to the next one who opens it. */
const EDITING_WINDOW_MS = 30 * 60_000;

export const draftSaveInput = z
  .object({ content: z.string().min(1).max(4_000_000), revision: z.number().int().min(0) })
  .strict();

/** `revision`: the one the importer's editor holds; an import over a later save is refused like a save (409). */
export const draftImportInput = z
  .object({ content: z.string().min(1).max(4_000_000), revision: z.number().int().min(0).optional() })
  .strict();

const draftView = (draft: ModelDraft) => ({
  resource: draft.resource,
  kind: kindOf(draft.resource),
  content: draft.content,
  revision: draft.revision,
  baseVersion: draft.baseVersion,
  savedBy: draft.savedBy,
  savedAt: draft.savedAt.toISOString(),
});

async function draftOf(resource: string, login: string): Promise<ModelDraft> {
  const found = await ModelDraft.findOne({ where: { resource } });
  if (found) return found;
  const content = await currentContent(resource);
  const baseVersion = (await latestVersion(resource))?.version ?? null;
  return ModelDraft.create({ resource, content, revision: 0, baseVersion, savedBy: login, savedAt: new Date() });
}

export async function openDraft(login: string, resource: string) {
  const draft = await draftOf(checkedResource(resource), login);
  const now = new Date();
  // Each analyst's own last opening is kept: opening again (a reload, a second tab) forgets nobody else.
  const other = await ModelDraftOpener.findOne({
    where: {
      resource: draft.resource,
      login: { [Op.ne]: login },
      openedAt: { [Op.gt]: new Date(now.getTime() - EDITING_WINDOW_MS) },
    },
    order: [['openedAt', 'DESC']],
  });
  await ModelDraftOpener.upsert({ resource: draft.resource, login, openedAt: now });
  await draft.update({ openedBy: login, openedAt: now });
  const otherEditor = other ? { login: other.login, since: other.openedAt.toISOString() } : null;
  return { ...draftView(draft), otherEditor };
}

export async function checkedContent(resource: string, content: string): Promise<void> {
  try {
    await parseModel(kindOf(resource), content);
  } catch (error) {
    if (!(error instanceof UnreadableModel)) throw error;
    throw validationError(`文件不是有效的模型 / not a valid ${kindOf(resource)} file: ${error.message}`, [
      { field: 'content', message: error.message },
    ]);
  }
}

export function staleRevision(draft: ModelDraft): AppError {
  return new AppError(
    409,
    'DRAFT_CHANGED',
    `草稿已被 ${draft.savedBy} 修改 / the draft was saved by ${draft.savedBy} in the meantime`,
    { savedBy: draft.savedBy, savedAt: draft.savedAt.toISOString(), revision: draft.revision },
  );
}

export async function saveDraft(login: string, resource: string, input: z.infer<typeof draftSaveInput>) {
  const draft = await draftOf(checkedResource(resource), login);
  await checkedContent(resource, input.content);
  // Only a save on the revision the row still has changes it: the condition is in the UPDATE itself.
  const [changed] = await ModelDraft.update(
    { content: input.content, revision: input.revision + 1, savedBy: login, savedAt: new Date() },
    { where: { id: draft.id, revision: input.revision } },
  );
  if (changed === 0) throw staleRevision(await draft.reload());
  return draftView(await draft.reload());
}

export async function importDraft(login: string, resource: string, input: z.infer<typeof draftImportInput>) {
  const draft = await draftOf(checkedResource(resource), login);
  await checkedContent(resource, input.content);
  const base = input.revision ?? draft.revision;
  const [changed] = await ModelDraft.update(
    { content: input.content, revision: base + 1, savedBy: login, savedAt: new Date() },
    { where: { id: draft.id, revision: base } },
  );
  if (changed === 0) throw staleRevision(await draft.reload());
  await draft.reload();
  await recordAudit({ actor: login, action: 'model.import', target: `model:${resource}` });
  return draftView(draft);
}
