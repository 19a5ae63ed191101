/**
 * Deploying a draft: check it (domain/modeling/model-check.ts) and refuse while errors remain (422, the errors
 * listed); deploy it through the SDK; record the new version with who, when and why; audit the deployment or its
 * refusal. A draft unchanged since the version it came from deploys nothing new (the engine keeps the version).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { businessRuleViolated, notFound } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { recordAudit } from '../audit';
import { checkModel } from './model-check';
import { staleRevision } from './model-drafts-use-case';
import { checkedResource, kindOf, latestVersion } from './model-resources';
import { ModelDraft } from '../../db/modeling/modeling-models';
import { deployContents, recordVersions, versionSummary } from './model-versions';

export const deployInput = z
  .object({ comment: z.string().trim().min(1).max(500), revision: z.number().int().min(0) })
  .strict();

export async function deployDraft(
  camunda: CamundaClients,
  jobTypes: ReadonlySet<string>,
  login: string,
  resource: string,
  input: z.infer<typeof deployInput>,
) {
  const draft = await ModelDraft.findOne({ where: { resource: checkedResource(resource) } });
  if (!draft) throw notFound('模型草稿 / model draft', resource);
  // What is deployed is what the analyst saw: a draft saved by someone else since is refused as a save would be.
  if (draft.revision !== input.revision) throw staleRevision(draft);
  const audit = { actor: login, action: 'model.deploy', target: `model:${resource}` };
  const { errors, warnings } = await checkModel(kindOf(resource), draft.content, jobTypes);
  if (errors.length > 0) {
    await recordAudit({ ...audit, outcome: 'refused', detail: { comment: input.comment, errors: errors.length } });
    throw businessRuleViolated('MODEL_HAS_ERRORS', `模型有 ${errors.length} 个错误，不能部署 / the model has errors`, {
      errors,
    });
  }
  const contents = [{ resource, content: draft.content }];
  const { deploymentKey, versions } = await deployContents(camunda, contents).catch(async (error: Error) => {
    await recordAudit({ ...audit, outcome: 'failed', detail: { comment: input.comment, error: error.message } });
    throw businessRuleViolated(
      'DEPLOY_REJECTED',
      `引擎拒绝了部署 / the engine refused the deployment: ${error.message}`,
    );
  });
  const [recorded] = await recordVersions(versions, contents, {
    deploymentKey,
    source: 'analyst',
    deployedBy: login,
    comment: input.comment,
  });
  const current = recorded ?? (await latestVersion(resource));
  await draft.update({ baseVersion: current?.version ?? null });
  await recordAudit({
    ...audit,
    detail: { comment: input.comment, version: current?.version, deploymentKey, unchanged: !recorded },
  });
  return { version: current ? versionSummary(current) : null, unchanged: !recorded, warnings };
}
