/**
 * Documents are files: uploaded to a case (type checked from the content, size limited), listed, read back byte for
 * byte; and the case's notices print as PDFs in Chinese that a PDF reader opens and that hold the case's data.
 */
import { createHash } from 'node:crypto';
import { applicant, residentialApplication, submit } from '../business-expansion/business-expansion-kit';
import { usePlatform, type ApiClient, type Platform } from '../platform/platform-kit';
import { pdfText } from '../support/pdf-text';
import { createOrder, startWorkOrderPlatform } from '../work-orders/work-order-kit';

let platform: Platform;
usePlatform((started) => {
  platform = started;
}, startWorkOrderPlatform);

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 1)]);

function upload(client: ApiClient, businessKey: string, file: Buffer, fileName: string, kind: string) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([new Uint8Array(file)]), fileName);
  return client.fetch(`/cases/${businessKey}/documents`, { method: 'POST', body: form });
}

let applicationNo: string;
let customerName: string;

beforeAll(async () => {
  const customer = applicant();
  customerName = customer.name;
  const submitted = await submit(
    platform,
    residentialApplication({ customer, address: '上海市浦东新区世纪大道 8 号 1201 室' }),
  );
  applicationNo = submitted.applicationNo;
});

describe('documents on a case', () => {
  test('uploaded, listed with what was detected, and read back byte for byte', async () => {
    const clerk = await platform.as('zhangli');
    const answer = await upload(clerk, applicationNo, PNG, '身份证正面.png', 'owner-id');
    expect(answer.status).toBe(201);
    const uploaded = (await answer.json()) as any;
    expect(uploaded).toMatchObject({
      businessKey: applicationNo,
      kind: 'owner-id',
      kindName: '产权人身份证明',
      fileName: '身份证正面.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
      uploadedBy: 'zhangli',
    });
    expect((await upload(clerk, applicationNo, PDF, 'property.pdf', 'property-proof')).status).toBe(201);

    const list = (await clerk.get(`/cases/${applicationNo}/documents`)).body.items as any[];
    expect(list.map((item) => [item.kind, item.contentType])).toEqual([
      ['owner-id', 'image/png'],
      ['property-proof', 'application/pdf'],
    ]);

    const content = await clerk.fetch(`/cases/${applicationNo}/documents/${uploaded.id}/content`);
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await content.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test('a file that is not PDF, PNG or JPEG is refused whatever its name says', async () => {
    const answer = await upload(await platform.as('zhangli'), applicationNo, EXE, 'scan.pdf', 'other');
    expect(answer.status).toBe(415);
    expect(((await answer.json()) as any).message).toContain('PDF');
  });

  test('a file over the limit is refused with 413 naming the limit', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const answer = await upload(await platform.as('zhangli'), applicationNo, big, 'big.pdf', 'other');
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as any).message).toContain('10 MB');
  });

  test('an unknown kind is 400, an unknown case 404, no file 400', async () => {
    const clerk = await platform.as('zhangli');
    expect((await upload(clerk, applicationNo, PNG, 'a.png', 'selfie')).status).toBe(400);
    expect((await upload(clerk, 'YK-NOPE', PNG, 'a.png', 'other')).status).toBe(404);
    const form = new FormData();
    form.set('kind', 'other');
    expect((await clerk.fetch(`/cases/${applicationNo}/documents`, { method: 'POST', body: form })).status).toBe(400);
    expect((await clerk.get(`/cases/${applicationNo}/documents/999999/content`)).status).toBe(404);
  });
});

describe('printable notices', () => {
  test('the acceptance receipt opens as a PDF holding the case number and the customer in Chinese', async () => {
    const clerk = await platform.as('zhangli');
    expect((await clerk.get(`/cases/${applicationNo}/notices`)).body.notices).toEqual([
      'acceptance-receipt',
      'supply-scheme-reply',
      'fee-notice',
      'supply-contract',
    ]);
    const answer = await clerk.fetch(`/cases/${applicationNo}/notices/acceptance-receipt`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    const { text, pages } = await pdfText(Buffer.from(await answer.arrayBuffer()));
    expect(pages).toBe(1);
    expect(text).toContain('业扩报装受理回执');
    expect(text).toContain(applicationNo);
    expect(text).toContain(customerName);
    expect(text).toContain('上海市浦东新区世纪大道 8 号 1201 室');
  });

  test('a notice whose content does not exist yet says what must happen first', async () => {
    const answer = await (await platform.as('zhangli')).get(`/cases/${applicationNo}/notices/supply-scheme-reply`);
    expect(answer.status).toBe(422);
    expect(answer.body.message).toContain('供电方案尚未制定');
    expect((await (await platform.as('zhangli')).get(`/cases/${applicationNo}/notices/nope`)).status).toBe(404);
  });

  test('a 95598 order prints as its work-order sheet, with its history', async () => {
    const order = await createOrder(platform, { customerName: '李女士', content: '小区整栋停电' });
    const answer = await (await platform.as('liuna')).fetch(`/cases/${order.orderNo}/notices/work-order-sheet`);
    expect(answer.status).toBe(200);
    const { text } = await pdfText(Buffer.from(await answer.arrayBuffer()));
    expect(text).toContain(order.orderNo);
    expect(text).toContain('李女士');
    expect(text).toContain('小区整栋停电');
    expect(text).toContain('受理');
  });

  test('a case of another unit is not found; a reader without the whole view gets the phone masked', async () => {
    const otherUnit = await platform.as('wuting'); // a counter clerk of 闵行
    expect((await otherUnit.get(`/cases/${applicationNo}/documents`)).status).toBe(404);
    expect((await otherUnit.get(`/cases/${applicationNo}/notices`)).status).toBe(404);
    expect((await otherUnit.fetch(`/cases/${applicationNo}/notices/acceptance-receipt`)).status).toBe(404);
    expect((await upload(otherUnit, applicationNo, PNG, 'a.png', 'other')).status).toBe(404);
    expect((await otherUnit.get(`/cases/${applicationNo}/diagram`)).status).toBe(404);

    const order = await createOrder(platform, { phone: '13912345678' });
    const agent = await (await platform.as('liuna')).fetch(`/cases/${order.orderNo}/notices/work-order-sheet`);
    expect((await pdfText(Buffer.from(await agent.arrayBuffer()))).text).toContain('13912345678');
    const dispatcher = await (await platform.as('majun')).fetch(`/cases/${order.orderNo}/notices/work-order-sheet`);
    expect(dispatcher.status).toBe(200);
    const masked = (await pdfText(Buffer.from(await dispatcher.arrayBuffer()))).text;
    expect(masked).toContain('139****5678');
    expect(masked).not.toContain('13912345678');
  });

  test('every print is in the audit log', async () => {
    const audit = await (await platform.as('admin')).get(`/audit?action=notice.print&target=case:${applicationNo}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'zhangli', action: 'notice.print', detail: { kind: 'acceptance-receipt' } }),
      ]),
    );
  });
});
