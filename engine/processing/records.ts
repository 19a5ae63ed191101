import type { AnyRecordValue, ValueType } from '../records/record-values';
import type { RecordRow } from '../storage/engine-storage';

/** A record of the batch being processed; stored as a RecordRow (its value as JSON). */
export interface EngineRecord {
  key: number;
  valueType: ValueType;
  intent: string;
  processInstanceKey: number | null;
  timestamp: number;
  value: AnyRecordValue;
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
