/**
 * The model (BPMN headers, process variables, DMN outputs) or the data a process step works on does not give what
 * the step needs: retrying will not help. A job worker turns it into an incident at once (workers/job-input.ts).
 */
export class ModelError extends Error {}
