/**
 * Documents on a case: uploaded (type checked from the content, size limited), from the case or from one of its
 * steps, listed, read back and removed. The bytes go to the configured store first and the record after, so a
 * record never points at nothing; a crash between the two leaves only an unreferenced file. A store that fails
 * answers 503 and leaves no record.
 */
import { createHash, randomUUID } from 'node:crypto';
import { CaseDocument } from '../../db/core/document-models';
import { appClock } from '../../lib/clock/app-clock';
import type { AppConfig } from '../../lib/config/app-config';
import { AppError, notFound, validationError } from '../../lib/errors/app-error';
import { logger } from '../../lib/logger/logger';
import { folderStore, type DocumentStore } from '../../lib/storage/document-store';
import { detectFileType } from '../../lib/storage/file-type';
import { s3Store } from '../../lib/storage/s3-store';
import { recordAudit } from '../audit';
import { requireCaseFor } from '../cases';
import { hasPermission, SUPERVISE, type ScopeUser } from '../users';
import { DOCUMENT_KINDS } from './document-kinds';

export interface UploadInput {
  /** Who uploads: the case must be in their units. */
  reader: ScopeUser & { login: string };
  businessKey: string;
  kind: string;
  fileName: string;
  content: Buffer;
  /** The step it is uploaded from (the caller has checked that the task is the case's and the user's). */
  step?: DocumentStep | null;
  address?: string;
}

export interface DocumentStep {
  taskKey: string;
  stepId: string;
  stepName: string;
}

type StoreConfig = Pick<
  AppConfig,
  | 'APP_DOCUMENTS_STORE'
  | 'APP_DOCUMENTS_DIR'
  | 'APP_S3_ENDPOINT'
  | 'APP_S3_BUCKET'
  | 'APP_S3_REGION'
  | 'APP_S3_ACCESS_KEY'
  | 'APP_S3_SECRET_KEY'
  | 'APP_S3_PATH_STYLE'
>;

/** The configured store (the config's cross-check has made sure an S3 store has its endpoint and account). */
export function documentStore(config: StoreConfig): DocumentStore {
  if (config.APP_DOCUMENTS_STORE === 'folder') return folderStore(config.APP_DOCUMENTS_DIR);
  return s3Store({
    endpoint: config.APP_S3_ENDPOINT!,
    bucket: config.APP_S3_BUCKET,
    region: config.APP_S3_REGION,
    accessKey: config.APP_S3_ACCESS_KEY!,
    secretKey: config.APP_S3_SECRET_KEY!,
    pathStyle: config.APP_S3_PATH_STYLE,
  });
}

const log = logger('documents');

/** A store that fails (down, full, refusing the account) is 503 with what to do; the cause goes to the log. */
async function inStore<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    log.error(`${what} failed`, { error: error instanceof Error ? error.message : String(error) });
    throw new AppError(
      503,
      'DOCUMENT_STORE_UNAVAILABLE',
      '资料存储暂不可用，请稍后重试；如持续失败请联系系统管理员 / the document store is unavailable: try again in a moment, and tell the administrator if it persists',
    );
  }
}

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
  stepId: document.stepId ?? null,
  stepName: document.stepName ?? null,
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
  await inStore('put', () => store.put(storageKey, input.content));
  const document = await CaseDocument.create({
    businessKey: input.businessKey,
    kind: input.kind,
    fileName: input.fileName.slice(0, 255),
    contentType,
    sizeBytes: input.content.length,
    sha256: createHash('sha256').update(input.content).digest('hex'),
    storageKey,
    uploadedBy: input.reader.login,
    taskKey: input.step?.taskKey ?? null,
    stepId: input.step?.stepId ?? null,
    stepName: input.step?.stepName ?? null,
  });
  await recordAudit({
    actor: input.reader.login,
    action: 'document.upload',
    target: `case:${input.businessKey}`,
    address: input.address,
    detail: {
      documentId: document.id,
      kind: input.kind,
      sizeBytes: document.sizeBytes,
      ...(input.step ? { taskKey: input.step.taskKey, step: input.step.stepId } : {}),
    },
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
  return {
    document: publicDocument(document),
    content: await inStore('read', () => store.read(document.storageKey)),
  };
}

/**
 * Removes a document: its uploader or a supervisor. The record goes in a transaction that commits only once the
 * store has removed the content, so a failing store leaves both as they were.
 */
export async function deleteDocument(
  store: DocumentStore,
  actor: ScopeUser & { login: string },
  businessKey: string,
  id: number,
  address?: string,
) {
  await requireCaseFor(actor, businessKey);
  const document = await CaseDocument.findOne({ where: { id, businessKey } });
  if (!document) throw notFound('资料 / document', `${businessKey}/${id}`);
  if (document.uploadedBy !== actor.login && !(await hasPermission(actor, SUPERVISE)))
    throw new AppError(
      403,
      'NOT_YOUR_DOCUMENT',
      `资料由 ${document.uploadedBy} 上传，只有本人或主管可以删除 / uploaded by ${document.uploadedBy}: only they or a supervisor may delete it`,
    );
  await CaseDocument.sequelize!.transaction(async (transaction) => {
    await document.destroy({ transaction });
    await inStore('remove', () => store.remove(document.storageKey));
  });
  await recordAudit({
    actor: actor.login,
    action: 'document.delete',
    target: `case:${businessKey}`,
    address,
    detail: { documentId: id, kind: document.kind, fileName: document.fileName },
  });
}
