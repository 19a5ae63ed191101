/**
 * Clients for the gRPC gateway tests: the official SDK's ZeebeGrpcClient, a plain grpc-js client on the same
 * zeebe.proto for requests the SDK refuses to send (malformed variables, deprecated RPCs), and a health client.
 */
import { Zeebe } from '@camunda8/sdk';
import {
  credentials,
  InterceptingCall,
  loadPackageDefinition,
  Metadata,
  type Interceptor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as HEALTH_PROTO_PATH } from 'grpc-health-check';
import type { EngineProcess } from '../support/engine-process';

const ZEEBE_PROTO_PATH = require.resolve('@camunda8/sdk/dist/proto/zeebe.proto');
const LOADER_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

/** The SDK's gRPC client for the engine, with the engine's credentials (it fetches its tokens itself). */
export function sdkClient(engine: Pick<EngineProcess, 'grpcPort' | 'sdkAuth'>): Zeebe.ZeebeGrpcClient {
  return new Zeebe.ZeebeGrpcClient({
    config: {
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${engine.grpcPort}`,
      ...engine.sdkAuth,
      zeebeGrpcSettings: {
        // errors must reach the test, not be retried
        ZEEBE_GRPC_CLIENT_RETRY: false,
        ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
        // the SDK leaves its connection-tolerance timer running after close(); keep it short so jest can exit
        ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 100,
      },
    },
  });
}

type UnaryMethod = (
  request: object,
  metadata: Metadata,
  callback: (err: ServiceError | null, response: unknown) => void,
) => void;

interface RawClient {
  close(): void;
  [method: string]: UnaryMethod | (() => void);
}

type Headers = () => Promise<Record<string, string>>;

function rawClient(protoPath: string, servicePath: string[], port: number, headers?: Headers): RawClient {
  let node: unknown = loadPackageDefinition(loadSync(protoPath, LOADER_OPTIONS));
  for (const name of servicePath) node = (node as Record<string, unknown>)[name];
  const Client = node as new (
    address: string,
    creds: ReturnType<typeof credentials.createInsecure>,
    options: { interceptors: Interceptor[] },
  ) => RawClient;
  return new Client(`127.0.0.1:${port}`, credentials.createInsecure(), {
    interceptors: headers ? [withHeaders(headers)] : [],
  });
}

/** Adds the headers (the bearer token) to every call's metadata, as the SDK does. */
function withHeaders(headers: Headers): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        void headers().then((values) => {
          for (const [key, value] of Object.entries(values)) metadata.set(key, value);
          next(metadata, listener);
        });
      },
    });
}

/** Calls one unary RPC by its proto name with a plain object request. */
export function callUnary<T = Record<string, unknown>>(client: RawClient, rpc: string, request: object): Promise<T> {
  const method = client[rpc] as UnaryMethod;
  return new Promise((resolve, reject) =>
    method.call(client, request, new Metadata(), (err, response) => (err ? reject(err) : resolve(response as T))),
  );
}

/** A plain grpc-js Gateway client sending the engine's bearer token. */
export const gatewayClient = (engine: Pick<EngineProcess, 'grpcPort' | 'authHeaders'>): RawClient =>
  rawClient(ZEEBE_PROTO_PATH, ['gateway_protocol', 'Gateway'], engine.grpcPort, engine.authHeaders);

/** A gRPC health client: the health service needs no credentials. */
export const healthClient = (port: number): RawClient =>
  rawClient(HEALTH_PROTO_PATH, ['grpc', 'health', 'v1', 'Health'], port);

/** A process: none start → service task of `jobType` (with a header) → end; or start → end when jobType is absent. */
export function processXml(processId: string, jobType?: string): Buffer {
  const task = jobType
    ? `<bpmn:serviceTask id="task">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="${jobType}" retries="3" />
        <zeebe:taskHeaders><zeebe:header key="region" value="华东" /></zeebe:taskHeaders>
      </bpmn:extensionElements>
      <bpmn:incoming>toTask</bpmn:incoming>
      <bpmn:outgoing>toEnd</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="task" />
    <bpmn:sequenceFlow id="toEnd" sourceRef="task" targetRef="end" />`
    : `<bpmn:sequenceFlow id="toEnd" sourceRef="start" targetRef="end" />`;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>${jobType ? 'toTask' : 'toEnd'}</bpmn:outgoing></bpmn:startEvent>
    ${task}
    <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`);
}

let counter = 0;
/** A name no other test uses, so tests against one engine do not see each other's jobs. */
export const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${++counter}`;
