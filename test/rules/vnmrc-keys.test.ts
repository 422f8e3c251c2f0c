import {
  isManagedVnmrcKey, isVnmrcKey, isVnmrcValue, MANAGED_VNMRC_KEYS, managedVnmrcEntries, VNMRC_VALUE_MAX_LENGTH,
} from '../../lib/model/vnmrc-keys';

describe('vnmrc-keys', () => {
  test('keys', () => {
    for (const key of ['secondary_polling', 'vnm_message_timeout', '_x', 'a.b.c', 'A1']) expect(isVnmrcKey(key)).toBe(true);
    for (const key of ['', '1a', '.a', 'a b', 'a=b', 'a-b', 'a\n', '$a']) expect(isVnmrcKey(key)).toBe(false);
  });

  test('values', () => {
    expect(isVnmrcValue('')).toBe(true);
    expect(isVnmrcValue('yes; anything $x "quoted"')).toBe(true);
    expect(isVnmrcValue('x'.repeat(VNMRC_VALUE_MAX_LENGTH))).toBe(true);
    expect(isVnmrcValue('x'.repeat(VNMRC_VALUE_MAX_LENGTH + 1))).toBe(false);
    for (const value of ['a\nb', 'a\r', 'a\0b']) expect(isVnmrcValue(value)).toBe(false);
  });

  test('managed keys', () => {
    expect(MANAGED_VNMRC_KEYS).toEqual(['secondary_polling']);
    expect(isManagedVnmrcKey('secondary_polling')).toBe(true);
    expect(isManagedVnmrcKey('wait_active')).toBe(false);
    expect(managedVnmrcEntries('PRIMARY', 'HOT')).toEqual({ secondary_polling: 'yes' });
    expect(managedVnmrcEntries('PRIMARY', 'WARM')).toEqual({ secondary_polling: 'no' });
    expect(managedVnmrcEntries('SECONDARY', 'HOT')).toEqual({});
  });
});
