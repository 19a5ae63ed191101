/**
 * Documents on a case: uploaded (type checked from the content, size limited), listed, and read back. The bytes go
 * to the configured store first and the record after, so a record never points at nothing; a crash between the two
 * leaves only an unreferenced file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { CaseDocument } from '../../db/core/document-models';
import { appClock } from '../../lib/clock/app-clock';
import type { AppConfig } from '../../lib/config/app-config';
import { AppError, notFound, validationError } from '../../lib/errors/app-error';
import { folderStore, type DocumentStore } from '../../lib/storage/document-store';
import { detectFileType } from '../../lib/storage/file-type';
import { recordAudit } from '../audit';
import { requireCaseFor } from '../cases';
import type { ScopeUser } from '../users';
import { DOCUMENT_KINDS } from './document-kinds';

export interface UploadInput {
  /** Who uploads: the case must be in their units. */
  reader: ScopeUser & { login: string };
  businessKey: string;
  kind: string;
  fileName: string;
  content: Buffer;
  taskKey?: string | null;
  address?: string;
}

export const documentStore = (config: Pick<AppConfig, 'APP_DOCUMENTS_DIR'>): DocumentStore =>
  folderStore(config.APP_DOCUMENTS_DIR);

const publicDocument = (document: CaseDocument) => ({
  id: document.id,
  businessKey: document.businessKey,
  kind: document.kind,
  kindName: DOCUMENT_KINDS[document.kind] ?? document.kind,
  fileName: document.fileName,
  contentType: document.contentType,
  sizeBytes: document.sizeBytes,
  sha256: document.sha256,
  uploadedBy: document.uploadedBy,
  taskKey: document.taskKey,
  createdAt: document.createdAt,
});

export async function uploadDocument(store: DocumentStore, input: UploadInput) {
  if (!(input.kind in DOCUMENT_KINDS))
    throw validationError(
      `资料类型无效 / unknown document kind: ${input.kind} (one of ${Object.keys(DOCUMENT_KINDS).join(', ')})`,
      [{ field: 'kind', message: 'unknown kind' }],
    );
  if (input.content.length === 0)
    throw validationError('文件为空 / the file is empty', [{ field: 'file', message: 'empty' }]);
  const contentType = detectFileType(input.content);
  if (!contentType)
    throw new AppError(
      415,
      'UNSUPPORTED_FILE_TYPE',
      '只接受 PDF、PNG 或 JPEG 文件 / only PDF, PNG or JPEG files are accepted: scan or save the document as one',
    );
  await requireCaseFor(input.reader, input.businessKey);
  const now = appClock.now();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
  await store.put(storageKey, input.content);
  const document = await CaseDocument.create({
    businessKey: input.businessKey,
    kind: input.kind,
    fileName: input.fileName.slice(0, 255),
    contentType,
    sizeBytes: input.content.length,
    sha256: createHash('sha256').update(input.content).digest('hex'),
    storageKey,
    uploadedBy: input.reader.login,
    taskKey: input.taskKey ?? null,
  });
  await recordAudit({
    actor: input.reader.login,
    action: 'document.upload',
    target: `case:${input.businessKey}`,
    address: input.address,
    detail: { documentId: document.id, kind: input.kind, sizeBytes: document.sizeBytes },
  });
  return publicDocument(document);
}

export async function listDocuments(reader: ScopeUser, businessKey: string) {
  await requireCaseFor(reader, businessKey);
  const documents = await CaseDocument.findAll({ where: { businessKey }, order: [['id', 'ASC']] });
  return { items: documents.map(publicDocument) };
}

/** The kinds of which the case has at least one file. */
export async function documentKindsOf(businessKey: string): Promise<Set<string>> {
  const documents = await CaseDocument.findAll({ attributes: ['kind'], where: { businessKey } });
  return new Set(documents.map((document) => document.kind));
}

export async function readDocument(store: DocumentStore, reader: ScopeUser, businessKey: string, id: number) {
  await requireCaseFor(reader, businessKey);
  const document = await CaseDocument.findOne({ where: { id, businessKey } });
  if (!document) throw notFound('资料 / document', `${businessKey}/${id}`);
  return { document: publicDocument(document), content: await store.read(document.storageKey) };
}
