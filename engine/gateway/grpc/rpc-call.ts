/** Adapting async request handlers to grpc-js call handlers, with every failure going through the error mapper. */
import { Metadata, type handleUnaryCall, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';
import { toGrpcError, type GatewayLog, type GrpcError } from './error-mapper';

/**
 * Tells the client, by gRPC's compression negotiation, to send its next requests uncompressed: clients such as
 * @camunda8/sdk gzip every request by default, and inflating them cost the engine more CPU than any of its own
 * work for a job. grpc-js clients drop compression for a server that accepts only identity.
 */
export function preferUncompressed(
  call: ServerUnaryCall<unknown, unknown> | ServerWritableStream<unknown, unknown>,
): void {
  const metadata = new Metadata();
  metadata.set('grpc-accept-encoding', 'identity');
  call.sendMetadata(metadata);
}

/** A unary RPC: the handler's result is the response; a thrown or rejected error becomes the status. */
export function unary<Req, Res>(
  rpc: string,
  log: GatewayLog,
  handle: (req: Req) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call, callback) => {
    preferUncompressed(call);
    Promise.resolve()
      .then(() => handle(call.request))
      .then(
        (response) => callback(null, response),
        (err: unknown) => callback(toGrpcError(err, rpc, log)),
      );
  };
}

/** Ends a server stream with an error status, unless the client has gone already. */
export function failStream<Req, Res>(call: ServerWritableStream<Req, Res>, error: GrpcError): void {
  if (call.cancelled || call.destroyed || call.writableEnded) return;
  call.emit('error', error);
}

/**
 * Streams still open when the gateway closes: each registers how to finish it, so close() can end long polls and
 * job streams instead of waiting for them.
 */
export class OpenStreams {
  private readonly finishers = new Set<() => void>();
  private closing = false;

  get isClosing(): boolean {
    return this.closing;
  }

  /** Registers `finish`; returns the function that unregisters it. */
  add(finish: () => void): () => void {
    this.finishers.add(finish);
    return () => this.finishers.delete(finish);
  }

  finishAll(): void {
    this.closing = true;
    for (const finish of [...this.finishers]) finish();
    this.finishers.clear();
  }
}
