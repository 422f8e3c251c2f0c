import { isSafeInstallPath, isValidUserName } from '../../lib/model/install-path';

describe('install-path predicates', () => {
  test.each(['/opt/CA/Spectrum', '/opt/CA/Spectrum/', '/a', '/mnt/spectrum-10.4.1/media_x', '/opt/.hidden/x', '/opt/a..b'])('%s is safe', path => {
    expect(isSafeInstallPath(path)).toBe(true);
  });

  test.each([
    '', '/', 'opt/CA', './x', '/opt/CA Spectrum', '/opt/$HOME', '/opt/`id`', '/opt/a;b', '/opt/"x"', '/opt/../etc', '/opt/..', '/opt//x',
    '/opt/x\n', '~/spectrum', `/${'a'.repeat(5000)}`,
  ])('%j is not safe', path => {
    expect(isSafeInstallPath(path)).toBe(false);
  });

  test.each(['spectrum', '_spec', 'spec-2', 'a', `a${'b'.repeat(31)}`])('%s is a user name', name => {
    expect(isValidUserName(name)).toBe(true);
  });

  test.each(['', 'Spectrum', '1spec', '-spec', 'spec user', 'spec$', 'spec;id', `a${'b'.repeat(32)}`, 'root\n'])('%j is not a user name', name => {
    expect(isValidUserName(name)).toBe(false);
  });
});
