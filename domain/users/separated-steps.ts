/** Separation of duties as data (decision 0025): is this step one the starter of its case may not do? */
import { SeparatedStep } from '../../db/core/user-models';

export async function isSeparatedStep(bpmnProcessId: string, elementId: string): Promise<boolean> {
  return (await SeparatedStep.findOne({ where: { bpmnProcessId, elementId } })) !== null;
}
