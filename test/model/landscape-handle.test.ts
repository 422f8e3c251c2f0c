import { LandscapeHandle } from '../../lib';

describe('LandscapeHandle', () => {
  test('of, parse and fromLandscapeNumber agree on 0x400000 (KB 9905: landscape number 16)', () => {
    for (const handle of [LandscapeHandle.of(0x400000), LandscapeHandle.parse('0x400000'), LandscapeHandle.parse('4194304'), LandscapeHandle.fromLandscapeNumber(16)]) {
      expect(handle.value).toBe(0x400000);
      expect(handle.landscapeNumber).toBe(16);
      expect(handle.toString()).toBe('0x400000');
      expect(handle.isValid).toBe(true);
    }
  });

  test('the legacy range ends at 0xffe00000', () => {
    expect(LandscapeHandle.parse('0xFFE00000').isValid).toBe(true);
    expect(LandscapeHandle.parse('0xFFF00000').isValid).toBe(false);
    expect(LandscapeHandle.of(0).isValid).toBe(false);
    expect(LandscapeHandle.of(0x400001).isValid).toBe(false);
  });

  test('malformed text never throws; it is reported by SPX100 with the text', () => {
    const handle = LandscapeHandle.parse('0x40000G');
    expect(handle.isValid).toBe(false);
    expect(Number.isNaN(handle.value)).toBe(true);
    expect(handle.toString()).toBe('0x40000G');
  });
});
