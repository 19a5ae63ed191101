/**
 * Documents in an S3-compatible object store (MinIO, Ceph, a cloud's S3) through the MinIO client: one object per
 * key in one bucket that must exist. An object store writes an object whole or not at all, so no temporary name is
 * needed as in the folder store.
 */
import { Client } from 'minio';
import type { DocumentStore } from './document-store';

export interface S3StoreOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
  /** The bucket in the path (true) or in the host name (false). */
  pathStyle: boolean;
}

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

export function s3Store(options: S3StoreOptions): DocumentStore {
  const url = new URL(options.endpoint);
  const useSSL = url.protocol === 'https:';
  const client = new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    region: options.region,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    pathStyle: options.pathStyle,
    // A user waits on the upload: a store that is down answers at once (503) rather than after retries.
    retryOptions: { disableRetry: true },
  });
  return {
    async put(key, content) {
      await client.putObject(options.bucket, key, content, content.length, {
        'Content-Type': 'application/octet-stream',
      });
    },
    read: async (key) => bytesOf(await client.getObject(options.bucket, key)),
    remove: (key) => client.removeObject(options.bucket, key),
  };
}
