import { expectFinding, problems, single, validTopology } from './helpers';
import { lit, tok, topology } from './topology-builder';
import { SPX132 } from '../../lib/rules/spx132-safe-install-settings';

describe('SPX132 safe install dir, media path and owner', () => {
  test('safe settings pass', () => {
    expect(problems(SPX132, validTopology())).toEqual([]);
  });

  test('a bad install dir set for the landscape is reported once, on the landscape', () => {
    const t = topology().landscape('east', { install: { installDir: lit('/opt/CA/$(id)') } }).build();
    expectFinding(single(SPX132.check(t)), SPX132, {
      severity: 'error',
      path: 'app/east',
      message: ['every SpectroSERVER of landscape \'east\'', 'install dir \'/opt/CA/$(id)\' is not an absolute path of safe characters'],
      fix: 'use an absolute path of letters, digits',
    });
  });

  test('a bad media path and owner on one server', () => {
    const t = topology()
      .landscape('east', { secondaries: [{ install: { mediaPath: lit('/mnt/../x'), owner: lit('Spectrum'), hasOwnerPassword: true } }] })
      .build();
    const findings = SPX132.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east/east-b', 'app/east/east-b']);
    expect(findings[0].message).toContain('media path \'/mnt/../x\' is not an absolute path');
    expectFinding(findings[1], SPX132, {
      severity: 'error',
      path: 'app/east/east-b',
      message: ['secondary \'east-b\'', 'install owner \'Spectrum\' is not a valid user name'],
      fix: 'e.g. spectrum',
    });
  });

  test('OneClick settings are checked; tokens are skipped', () => {
    const t = topology()
      .oneClick('oc', { install: { installDir: lit('relative/dir') } })
      .landscape('east', { install: { installDir: tok('var.dir'), owner: tok('var.owner'), mediaPath: tok('var.media'), hasOwnerPassword: true } })
      .build();
    expect(single(SPX132.check(t)).message).toBe('OneClick server \'oc\': install dir \'relative/dir\' is not an absolute path of safe characters');
  });

  test('a version or an excluded part the install script would refuse fails at synth', () => {
    const t = topology()
      .landscape('east', { install: { version: '10.4.1; id' } })
      .landscape('west', { install: { version: '10.4.1-GA', excludeParts: ['SA-RPT-MGR', 'OneClick,x', '-rf'] } })
      .landscape('north', { install: { excludeParts: Array.from({ length: 200 }, (_, i) => `PART${i}`) } })
      .landscape('fine', { install: { version: '10.4.1', excludeParts: ['SA-RPT-MGR', 'OneClick'] } })
      .build();
    const findings = SPX132.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east', 'app/west', 'app/north']);
    expectFinding(findings[0], SPX132, {
      severity: 'error', path: 'app/east', message: ['every SpectroSERVER of landscape \'east\'', 'version \'10.4.1; id\' is not a version'], fix: 'e.g. 10.4.1',
    });
    expect(findings[1].message).toContain('excluded part \'OneClick,x\' is not a part name');
    expect(findings[2].message).toContain('are longer than the hostargs file takes');
  });
});
