import { lit, tok } from './topology-builder';
import { canonicalHost, isHostName, isIPv4Address, isIPv6Address, isValidHost, sameHost } from '../../lib/model/host-name';

describe('host-name predicates', () => {
  test.each([
    'localhost', 'ss1', 'ss-1.example.com', 'SS1.Example.COM', '1st.example.com', 'a', `${'a'.repeat(63)}.example.com`,
    '192.0.2.10', '0.0.0.0', '255.255.255.255',
    '::1', '::', '2001:db8::10', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::ffff:192.0.2.10', '64:ff9b::192.0.2.1',
  ])('%s is a valid host', host => {
    expect(isValidHost(host)).toBe(true);
  });

  test.each([
    '', ' ', 'ss 1', 'ss1;rm -rf /', '$(id)', '`id`', 'ss1\'', '"ss1"', 'ss1\n', 'ss1\t', '-ss1', 'ss1-', 'ss_1', 'ss..1', '.ss1', 'ss1.',
    `${'a'.repeat(64)}.example.com`, `${'a.'.repeat(127)}ab`, '256.1.1.1', '1.2.3', '01.2.3.4', '999.1.1.1', '12345',
    '1:2:3:4:5:6:7:8:9', '1::2::3', ':1::', '1.2.3.4::', 'fe80::1%eth0', '[::1]', '12345::', 'gggg::1', '::ffff:1.2.3.999',
  ])('%j is not a valid host', host => {
    expect(isValidHost(host)).toBe(false);
  });

  test('the parts', () => {
    expect(isIPv4Address('10.0.0.1')).toBe(true);
    expect(isIPv4Address('::1')).toBe(false);
    expect(isIPv6Address('::1')).toBe(true);
    expect(isIPv6Address('10.0.0.1')).toBe(false);
    expect(isHostName('ss1.example.com')).toBe(true);
    expect(isHostName('10.0.0.1')).toBe(false);
    expect(`${'a.'.repeat(126)}a`.length).toBe(253);
    expect(isHostName(`${'a.'.repeat(126)}a`)).toBe(true);
    expect(isValidHost(undefined as unknown as string)).toBe(false);
  });

  test('sameHost: literals ignore case, tokens compare their text', () => {
    expect(sameHost(lit('SS1.example.com'), lit('ss1.EXAMPLE.com'))).toBe(true);
    expect(sameHost(lit('ss1'), lit('ss2'))).toBe(false);
    expect(sameHost(tok('a'), tok('a'))).toBe(true);
    expect(sameHost(tok('a'), tok('A'))).toBe(false);
    expect(sameHost(tok('a'), lit('ss1'))).toBe(false);
  });
});

describe('canonicalHost: one spelling per host', () => {
  test.each([
    ['2001:db8::1', '2001:DB8:0:0:0:0:0:1'],
    ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001'],
    ['::1', '0:0:0:0:0:0:0:1'],
    ['192.0.2.10', '::ffff:192.0.2.10'],
    ['192.0.2.10', '::FFFF:c000:20a'],
    ['1:2:3:4:5:6:102:304', '1:2:3:4:5:6:1.2.3.4'],
    ['SS1.Example.COM', 'ss1.example.com'],
    ['ss1.example.com.', 'ss1.example.com'],
  ])('%s and %s are the same host', (a, b) => {
    expect(canonicalHost(a)).toBe(canonicalHost(b));
    expect(sameHost(lit(a), lit(b))).toBe(true);
  });

  test.each([
    ['2001:db8::1', '2001:db8::2'],
    ['192.0.2.10', '::192.0.2.10'],
    ['192.0.2.10', '::ffff:192.0.2.11'],
    ['ss1', 'ss1.example.com'],
    ['ss1..', 'ss1.'],
  ])('%s and %s are different hosts', (a, b) => {
    expect(canonicalHost(a)).not.toBe(canonicalHost(b));
  });

  test('the canonical forms', () => {
    expect(canonicalHost('2001:DB8::A')).toBe('2001:db8:0:0:0:0:0:a');
    expect(canonicalHost('::ffff:192.0.2.10')).toBe('192.0.2.10');
    expect(canonicalHost('Host.Example.')).toBe('host.example');
    expect(canonicalHost('not valid')).toBe('not valid');
  });
});
