/**
 * A file's type from its first bytes, not from the name or the type a client declares: only what the case record
 * can show (PDF, PNG, JPEG) is taken.
 */
const SIGNATURES: { type: AcceptedType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export type AcceptedType = 'application/pdf' | 'image/png' | 'image/jpeg';

export function detectFileType(content: Buffer): AcceptedType | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => content[index] === byte))?.type;
}
