/**
 * The engine's Prometheus metrics, under Zeebe's own names and labels (one partition, "1") so that dashboards made
 * for a Zeebe broker read this engine unchanged: requests received and dropped by backpressure, the in-flight limit,
 * records processed and written, the processing latency, job, element-instance, process-instance and incident
 * events. Counted from the records of each committed batch, so a command that did not become durable counts nowhere.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineRecord } from '../processing/records';
import type { ProcessInstanceRecordValue } from '../records/record-values';

const PARTITION = '1';

/** Zeebe's job event actions by the JOB intents that have one. */
const JOB_ACTIONS: Record<string, string> = {
  CREATED: 'created',
  COMPLETED: 'completed',
  CANCELED: 'canceled',
  FAILED: 'failed',
  TIMED_OUT: 'timed out',
  ERROR_THROWN: 'error thrown',
  YIELDED: 'yielded',
};

const ELEMENT_ACTIONS: Record<string, string> = {
  ELEMENT_ACTIVATED: 'activated',
  ELEMENT_COMPLETED: 'completed',
  ELEMENT_TERMINATED: 'terminated',
};

export class EngineMetrics {
  readonly registry = new Registry();
  private readonly received = new Counter({
    name: 'zeebe_received_request_count_total',
    help: 'Number of requests received',
    labelNames: ['partition', 'requestType'],
    registers: [this.registry],
  });
  private readonly dropped = new Counter({
    name: 'zeebe_dropped_request_count_total',
    help: 'Number of requests dropped due to backpressure',
    labelNames: ['partition', 'requestType'],
    registers: [this.registry],
  });
  private readonly inflight = new Gauge({
    name: 'zeebe_backpressure_inflight_requests_count',
    help: 'Number of requests currently in flight (queued for the single writer)',
    labelNames: ['partition'],
    registers: [this.registry],
  });
  private readonly records = new Counter({
    name: 'zeebe_stream_processor_records_total',
    help: 'Number of records processed by the stream processor',
    labelNames: ['action', 'partition'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'zeebe_stream_processor_latency',
    help: 'Time from a command being received until it is processed and durable, in seconds',
    labelNames: ['partition'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly jobEvents = new Counter({
    name: 'zeebe_job_events_total',
    help: 'Number of job events',
    labelNames: ['action', 'partition', 'type'],
    registers: [this.registry],
  });
  private readonly elementEvents = new Counter({
    name: 'zeebe_element_instance_events_total',
    help: 'Number of process element instance events',
    labelNames: ['action', 'type', 'partition'],
    registers: [this.registry],
  });
  private readonly instances = new Counter({
    name: 'zeebe_executed_instances_total',
    help: 'Number of executed (root) process instances',
    labelNames: ['action', 'type', 'partition'],
    registers: [this.registry],
  });
  private readonly incidentEvents = new Counter({
    name: 'zeebe_incident_events_total',
    help: 'Number of incident events',
    labelNames: ['action', 'partition'],
    registers: [this.registry],
  });
  private readonly pendingIncidents = new Gauge({
    name: 'zeebe_pending_incidents_total',
    help: 'Number of pending incidents',
    labelNames: ['partition'],
    registers: [this.registry],
  });

  constructor(limits: { maxQueuedCommands: number; queued(): number; openIncidents(): number }) {
    new Gauge({
      name: 'zeebe_backpressure_requests_limit',
      help: 'Current limit for number of inflight requests',
      labelNames: ['partition'],
      registers: [this.registry],
    })
      .labels(PARTITION)
      .set(limits.maxQueuedCommands);
    // Read at scrape time rather than kept up to date on the hot path.
    this.inflight.labels(PARTITION).set(0);
    this.pendingIncidents.labels(PARTITION).set(0);
    this.scrapeTime = () => {
      this.inflight.labels(PARTITION).set(limits.queued());
      this.pendingIncidents.labels(PARTITION).set(limits.openIncidents());
    };
  }

  private readonly scrapeTime: () => void;

  commandReceived(type: string): void {
    this.received.labels(PARTITION, type).inc();
  }

  commandDropped(type: string): void {
    this.dropped.labels(PARTITION, type).inc();
  }

  /** A batch is durable: its commands were processed, each after waiting `waitedMs`, and it wrote `written`. */
  batchCommitted(waitedMs: number[], written: readonly EngineRecord[]): void {
    this.records.labels('processed', PARTITION).inc(waitedMs.length);
    this.records.labels('written', PARTITION).inc(written.length);
    const latency = this.latency.labels(PARTITION);
    for (const ms of waitedMs) latency.observe(ms / 1000);
    for (const record of written) this.count(record);
  }

  private count(record: EngineRecord): void {
    switch (record.valueType) {
      case 'PROCESS_INSTANCE': {
        const action = ELEMENT_ACTIONS[record.intent];
        if (!action) return;
        const value = record.value as ProcessInstanceRecordValue;
        this.elementEvents.labels(action, value.bpmnElementType, PARTITION).inc();
        if (value.bpmnElementType === 'PROCESS') {
          const type = value.parentProcessInstanceKey > 0 ? 'CHILD_PROCESS_INSTANCE' : 'ROOT_PROCESS_INSTANCE';
          this.instances.labels(action, type, PARTITION).inc();
        }
        return;
      }
      case 'JOB': {
        const action = JOB_ACTIONS[record.intent];
        if (action) this.jobEvents.labels(action, PARTITION, (record.value as { type: string }).type).inc();
        return;
      }
      case 'JOB_BATCH': {
        const batch = record.value as { type: string; jobKeys: number[] };
        if (batch.jobKeys.length > 0)
          this.jobEvents.labels('activated', PARTITION, batch.type).inc(batch.jobKeys.length);
        return;
      }
      case 'INCIDENT':
        this.incidentEvents.labels(record.intent === 'CREATED' ? 'created' : 'resolved', PARTITION).inc();
        return;
      default:
    }
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    this.scrapeTime();
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
