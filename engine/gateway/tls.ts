import { readFileSync } from 'node:fs';

/** A certificate (chain) and its private key, PEM, for serving gRPC and REST over TLS. */
export interface TlsFiles {
  certPath: string;
  keyPath: string;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
}

/** Reads both files at start, so that a missing or unreadable one stops the engine before it listens. */
export function readTls(files: TlsFiles): TlsMaterial {
  return { cert: readFileSync(files.certPath), key: readFileSync(files.keyPath) };
}
