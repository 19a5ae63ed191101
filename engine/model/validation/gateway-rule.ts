import type { ValidationRule } from './validation-rule';

/**
 * Exclusive and inclusive gateways that fork: every outgoing flow except the default needs a condition, and
 * the default flow must leave the gateway. Conditions anywhere else are not supported.
 */
export const gatewayRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    const decides = element.kind === 'exclusiveGateway' || element.kind === 'inclusiveGateway';
    if (decides && element.defaultFlowId && !element.outgoing.includes(element.defaultFlowId)) {
      report({
        elementId: element.id,
        message: `the default flow '${element.defaultFlowId}' is not one of the gateway's outgoing flows`,
      });
    }
    if (decides && element.outgoing.length > 1) {
      for (const flowId of element.outgoing) {
        if (flowId === element.defaultFlowId || process.flows.get(flowId)?.condition) continue;
        report({
          elementId: element.id,
          message: `the outgoing flow '${flowId}' has no condition; every outgoing flow of the gateway except the default flow needs one`,
        });
      }
    }
    if (decides) continue;
    for (const flowId of element.outgoing) {
      if (process.flows.get(flowId)?.condition === undefined) continue;
      report({
        elementId: flowId,
        message:
          'a condition on a sequence flow is only supported when the flow leaves an exclusive or inclusive gateway',
      });
    }
  }
};
