/**
 * A printable notice as a PDF (A4): a title, the case's facts as label–value rows, sections of running text and a
 * closing line. Chinese text needs a CJK font: Noto Sans Hans from the @embedpdf/fonts-sc package, embedded as a
 * subset of the characters used, with the Unicode map PDF readers use to copy and search the text.
 */
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { chinaDateTime } from './notice-format';

// The package exports only its script; the font files sit beside it in fonts/.
const FONT_FOLDER = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const FONT_REGULAR = join(FONT_FOLDER, 'NotoSansHans-Regular.otf');
const FONT_BOLD = join(FONT_FOLDER, 'NotoSansHans-Bold.otf');

export interface NoticeContent {
  /** e.g. 业扩报装受理回执 */
  title: string;
  /** The organisation issuing it, shown above the title. */
  issuer: string;
  /** The number printed at the top right (the case or document number). */
  number: string;
  rows: [label: string, value: string][];
  sections?: { heading: string; text: string }[];
  /** Closing lines: signatures, the date, a service phone. */
  closing?: string[];
  /** Document metadata (the PDF's Title). */
  documentTitle?: string;
}

const MARGIN = 56;
const LABEL_WIDTH = 130;

export function renderNoticePdf(content: NoticeContent, createdAt: Date): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: content.documentTitle ?? `${content.title} ${content.number}`, CreationDate: createdAt },
  });
  document.registerFont('regular', FONT_REGULAR);
  document.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  const width = document.page.width - 2 * MARGIN;
  document.font('regular').fontSize(10).text(content.issuer, { align: 'left' });
  document.text(`编号 No.: ${content.number}`, MARGIN, MARGIN, { align: 'right', width });
  document.moveDown(1.5);
  document.font('bold').fontSize(18).text(content.title, MARGIN, undefined, { align: 'center', width });
  document.moveDown(1);

  document.fontSize(11);
  for (const [label, value] of content.rows) {
    const top = document.y;
    document.font('bold').text(label, MARGIN, top, { width: LABEL_WIDTH });
    const labelBottom = document.y;
    document.font('regular').text(value || '—', MARGIN + LABEL_WIDTH, top, { width: width - LABEL_WIDTH });
    document.y = Math.max(labelBottom, document.y) + 4;
    document
      .moveTo(MARGIN, document.y - 2)
      .lineTo(MARGIN + width, document.y - 2)
      .strokeColor('#cccccc')
      .lineWidth(0.5)
      .stroke();
  }
  for (const section of content.sections ?? []) {
    document.moveDown(1);
    document.font('bold').fontSize(12).text(section.heading, MARGIN, undefined, { width });
    document.moveDown(0.3);
    document.font('regular').fontSize(10.5).text(section.text, { width, lineGap: 2 });
  }
  document.moveDown(2);
  document.font('regular').fontSize(10.5);
  for (const line of [...(content.closing ?? []), `打印时间 ${chinaDateTime(createdAt)}`])
    document.text(line, MARGIN, undefined, { align: 'right', width });
  document.end();
  return done;
}
