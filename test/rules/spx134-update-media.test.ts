import { expectFinding, problems, single, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { compareVersions } from '../../lib/model/spectrum-version';
import { SPX134 } from '../../lib/rules/spx134-update-media';

const update = (version: string, path = `/mnt/spectrum-${version}`) => ({ mediaPath: lit(path), version });
const media = { mediaPath: lit('/mnt/spectrum'), hasOwnerPassword: true, version: '10.4.1' };

describe('SPX134 update media', () => {
  test('ascending updates after the base release, safe paths (or tokens), one list per DSS pass', () => {
    expect(problems(SPX134, validTopology())).toEqual([]);
    const t = topology()
      .landscape('east', { install: { ...media, updates: [update('10.4.1.1'), update('10.4.1.2'), { mediaPath: tok('var.update'), version: '10.4.2' }] } })
      .distributed('estate', d => d
        .master('m', { install: { ...media, updates: [update('10.4.2')] } })
        .landscape('w', { install: { ...media, updates: [update('10.4.2')] } })
        .oneClick('oc', { install: { ...media, updates: [update('10.4.2')] } }))
      .build();
    expect(SPX134.check(t)).toEqual([]);
  });

  test('versions compare naturally: 10.4.10 after 10.4.9, an extension after its release', () => {
    expect(compareVersions('10.4.10', '10.4.9')).toBeGreaterThan(0);
    expect(compareVersions('10.4.2', '10.4.2.1')).toBeLessThan(0);
    expect(compareVersions('10.4.2.PTF_10.4.201', '10.4.2.PTF_10.4.202')).toBeLessThan(0);
    expect(compareVersions('10.4.1', '10.4.1')).toBe(0);
  });

  test('an update listed twice, for the whole landscape', () => {
    const t = topology().landscape('east', { install: { ...media, updates: [update('10.4.1.1'), update('10.4.1.1', '/mnt/again')] } }).build();
    expectFinding(single(SPX134.check(t)), SPX134, {
      severity: 'error',
      path: 'app/east',
      message: ['every SpectroSERVER of landscape \'east\'', 'update \'10.4.1.1\' is listed twice'],
      fix: 'once each, oldest first',
    });
  });

  test('updates out of order, and an update not after the base release', () => {
    const swapped = topology().landscape('east', { install: { ...media, updates: [update('10.4.1.2'), update('10.4.1.1')] } }).build();
    expect(single(SPX134.check(swapped)).message).toContain('update \'10.4.1.1\' comes after \'10.4.1.2\'');
    const older = topology().landscape('east', { install: { ...media, updates: [update('10.3.2')] } }).build();
    expect(single(SPX134.check(older)).message).toContain('update \'10.3.2\' is not after the base release \'10.4.1\'');
  });

  test('an invalid version, an unsafe media path, a OneClick server', () => {
    const t = topology()
      .landscape('east', { install: { ...media, updates: [update('10.4.2; rm -rf /', '/mnt/update')] } })
      .oneClick('oc', { install: { ...media, updates: [update('10.4.2', '/mnt/../etc')] } })
      .build();
    const findings = SPX134.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east', 'app/oc']);
    expectFinding(findings[0], SPX134, { severity: 'error', path: 'app/east', message: ['update 1 (\'10.4.2; rm -rf /\') has no valid version'], fix: 'letters, digits' });
    expectFinding(findings[1], SPX134, { severity: 'error', path: 'app/oc', message: ['OneClick server \'oc\'', 'update \'10.4.2\': media path \'/mnt/../etc\''], fix: 'absolute path' });
  });

  test('updates onto an existing installation need the owner password', () => {
    const t = topology().landscape('east', { install: { updates: [update('10.4.2')] } }).build();
    expectFinding(single(SPX134.check(t)), SPX134, { severity: 'error', path: 'app/east', message: ['applies 1 update(s) without an owner password'], fix: 'install.ownerPassword' });
  });

  test('members of a DSS with different update lists', () => {
    const t = topology()
      .distributed('estate', d => d
        .master('m', { install: { ...media, updates: [update('10.4.2')] } })
        .landscape('w', { install: media })
        .oneClick('oc', { install: { ...media, updates: [update('10.4.2')] } }))
      .build();
    expectFinding(single(SPX134.check(t)), SPX134, {
      severity: 'error',
      path: 'app/estate',
      message: ['distributed landscape \'estate\': update lists differ', '\'10.4.2\' (on \'m\' and OneClick \'oc\')', 'no updates (on \'w\')'],
      fix: 'the same install.updates',
    });
  });
});
