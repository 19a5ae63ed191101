/** Corrections of issued bills (电费退补): the request, the recomputation, the decision, and reading them. */
export { correctionInput, decisionInput, meteredUseInput, type CorrectionInput } from './correction-input';
export { requestCorrection, startCorrectionProcess, CORRECTION_PROCESS_ID } from './request-correction-use-case';
export { recomputeCorrection, figuresForForm, type CorrectionFigures } from './recompute-correction-use-case';
export { applyCorrection, rejectCorrection, type CorrectionDecision } from './decide-correction-use-case';
