/** The modeler's drafts, checks, deployments, versions and element templates: the public interface of the area. */
export { decisionTestInput, testDecision } from './decision-test-use-case';
export { checkModel, type ModelProblem } from './model-check';
export { deployDraft, deployInput } from './model-deploy-use-case';
export { draftImportInput, draftSaveInput, importDraft, openDraft, saveDraft } from './model-drafts-use-case';
export { jobTypeTemplates, type JobTypeEntry } from './job-type-templates';
export { listModels } from './model-list';
export { checkedResource, currentContent, kindOf } from './model-resources';
export { deployContents, listVersions, recordVersions, versionContent, type ModelContent } from './model-versions';
