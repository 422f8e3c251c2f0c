import { expectFinding, problems, single, validTopology } from './helpers';
import { lit, topology } from './topology-builder';
import { SPX133 } from '../../lib/rules/spx133-owner-password';

describe('SPX133 installing from media needs the owner password', () => {
  test('media with a password, or no media, passes', () => {
    expect(problems(SPX133, validTopology())).toEqual([]);
  });

  test('media without a password for the whole landscape', () => {
    const t = topology().landscape('east', { install: { mediaPath: lit('/mnt/spectrum') } }).build();
    expectFinding(single(SPX133.check(t)), SPX133, {
      severity: 'error',
      path: 'app/east',
      message: ['every SpectroSERVER of landscape \'east\'', 'installs from media path \'/mnt/spectrum\' without an owner password'],
      fix: 'set install.ownerPassword',
    });
  });

  test('a server and a OneClick server without password', () => {
    const t = topology()
      .landscape('east', { install: { mediaPath: lit('/mnt/spectrum'), hasOwnerPassword: true }, secondaries: [{ install: { hasOwnerPassword: false } }] })
      .oneClick('oc', { install: { mediaPath: lit('/mnt/oc') } })
      .build();
    expect(SPX133.check(t).map(f => f.path)).toEqual(['app/east/east-b', 'app/oc']);
  });
});
