import type { RecordRow } from '../storage/engine-storage';

/** Zeebe's record value types and intents, as far as the engine writes them. */
export type ValueType =
  | 'DEPLOYMENT'
  | 'PROCESS'
  | 'PROCESS_INSTANCE'
  | 'PROCESS_INSTANCE_CREATION'
  | 'JOB'
  | 'JOB_BATCH'
  | 'VARIABLE'
  | 'VARIABLE_DOCUMENT'
  | 'INCIDENT'
  | 'RESOURCE_DELETION'
  | 'CLOCK'
  | 'TIMER'
  | 'MESSAGE'
  | 'PROCESS_MESSAGE_SUBSCRIPTION'
  | 'MESSAGE_START_EVENT_SUBSCRIPTION'
  | 'SIGNAL'
  | 'SIGNAL_SUBSCRIPTION'
  | 'ERROR'
  | 'ESCALATION'
  | 'PROCESS_EVENT'
  | 'COMPENSATION_SUBSCRIPTION'
  | 'USER_TASK'
  | 'FORM'
  | 'DECISION_REQUIREMENTS'
  | 'DECISION'
  | 'DECISION_EVALUATION'
  | 'PROCESS_INSTANCE_MODIFICATION'
  | 'PROCESS_INSTANCE_MIGRATION';

export interface EngineRecord {
  key: number;
  valueType: ValueType;
  intent: string;
  processInstanceKey: number | null;
  timestamp: number;
  value: Record<string, unknown>;
}

export function toRecordRow(position: number, record: EngineRecord): RecordRow {
  return {
    position,
    key: record.key,
    valueType: record.valueType,
    intent: record.intent,
    recordType: 'EVENT',
    processInstanceKey: record.processInstanceKey,
    timestamp: record.timestamp,
    value: JSON.stringify(record.value),
  };
}
