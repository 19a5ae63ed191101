import type { ValidationRule } from './validation-rule';

const GATEWAY_EVENTS = new Set(['message', 'timer', 'signal']);

/** An event-based gateway has at least two outgoing flows, each to a message, timer or signal catch event. */
export const eventGatewayRule: ValidationRule = (process, report) => {
  for (const element of process.elements.values()) {
    if (element.kind !== 'eventBasedGateway') continue;
    if (element.outgoing.length < 2) {
      report({
        elementId: element.id,
        message: `an event-based gateway needs at least 2 outgoing flows, but has ${element.outgoing.length}`,
      });
    }
    for (const flowId of element.outgoing) {
      const target = process.elements.get(process.flows.get(flowId)?.targetId ?? '');
      if (!target) continue; // reported by the sequence-flow rule
      if (target.kind !== 'intermediateCatchEvent' || !GATEWAY_EVENTS.has(target.eventKind)) {
        report({
          elementId: element.id,
          message: `the outgoing flow '${flowId}' of an event-based gateway leads to '${target.id}', which is not a message, timer or signal intermediate catch event`,
        });
      }
    }
  }
};
