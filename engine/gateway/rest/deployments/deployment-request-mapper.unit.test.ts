import { repairDoubleEncodedUtf8, toDeployRequest } from './deployment-request-mapper';

const file = (originalname: string, content: Buffer) => ({ fieldname: 'resources', originalname, buffer: content });

describe('deployment request mapper', () => {
  it('restores UTF-8 that was sent as latin1 text re-encoded (SDK deployResourcesFromFiles)', () => {
    const original = Buffer.from('<process id="p" name="业扩报装 café" />', 'utf8');
    const doubled = Buffer.from(original.toString('latin1'), 'utf8');
    expect(repairDoubleEncodedUtf8(doubled).equals(original)).toBe(true);
  });

  it('leaves proper UTF-8, latin1-range text, ASCII and binary content alone', () => {
    for (const text of ['<process name="业扩报装" />', 'café', 'plain ascii']) {
      const content = Buffer.from(text, 'utf8');
      expect(repairDoubleEncodedUtf8(content)).toBe(content);
    }
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    expect(repairDoubleEncodedUtf8(binary)).toBe(binary);
  });

  it('requires at least one resource and treats a blank tenant as none', () => {
    expect(() => toDeployRequest([], {})).toThrow(/No resources given/);
    const request = toDeployRequest([file('a.bpmn', Buffer.from('x'))], { tenantId: '' });
    expect(request).toEqual({ resources: [{ name: 'a.bpmn', content: Buffer.from('x') }], tenantId: undefined });
  });
});
