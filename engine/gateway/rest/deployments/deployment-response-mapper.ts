import type { DeployedProcess, DeploymentResult } from '../../../engine-api';

/**
 * The engine types decisions, decision requirements and forms as `unknown` until the DMN and form parts land; this
 * mapper reads them with the field names of the gateway protocol's metadata messages, as DeployedProcess does.
 */
interface DeployedDecision {
  dmnDecisionId: string;
  dmnDecisionName: string;
  version: number;
  decisionKey: number;
  dmnDecisionRequirementsId: string;
  decisionRequirementsKey: number;
  tenantId: string;
}

interface DeployedDecisionRequirements {
  dmnDecisionRequirementsId: string;
  dmnDecisionRequirementsName: string;
  version: number;
  decisionRequirementsKey: number;
  resourceName: string;
  tenantId: string;
}

interface DeployedForm {
  formId: string;
  version: number;
  formKey: number;
  resourceName: string;
  tenantId: string;
}

const key = (value: unknown): string => String(value);

const processDefinition = (p: DeployedProcess) => ({
  processDefinition: {
    processDefinitionId: p.bpmnProcessId,
    processDefinitionVersion: p.version,
    processDefinitionKey: key(p.processDefinitionKey),
    resourceName: p.resourceName,
    tenantId: p.tenantId,
  },
});

const decisionDefinition = (d: DeployedDecision) => ({
  decisionDefinition: {
    decisionDefinitionId: d.dmnDecisionId,
    version: d.version,
    name: d.dmnDecisionName,
    tenantId: d.tenantId,
    decisionRequirementsId: d.dmnDecisionRequirementsId,
    decisionDefinitionKey: key(d.decisionKey),
    decisionRequirementsKey: key(d.decisionRequirementsKey),
  },
});

const decisionRequirements = (r: DeployedDecisionRequirements) => ({
  decisionRequirements: {
    decisionRequirementsId: r.dmnDecisionRequirementsId,
    version: r.version,
    decisionRequirementsName: r.dmnDecisionRequirementsName,
    tenantId: r.tenantId,
    decisionRequirementsKey: key(r.decisionRequirementsKey),
    resourceName: r.resourceName,
  },
});

const form = (f: DeployedForm) => ({
  form: {
    formId: f.formId,
    version: f.version,
    formKey: key(f.formKey),
    resourceName: f.resourceName,
    tenantId: f.tenantId,
  },
});

/** The deployment reply lists processes, then decisions, decision requirements and forms. */
export function toDeploymentResponse(result: DeploymentResult) {
  return {
    deploymentKey: key(result.deploymentKey),
    tenantId: result.tenantId,
    deployments: [
      ...result.processes.map(processDefinition),
      ...(result.decisions as DeployedDecision[]).map(decisionDefinition),
      ...(result.decisionRequirements as DeployedDecisionRequirements[]).map(decisionRequirements),
      ...(result.forms as DeployedForm[]).map(form),
    ],
  };
}
