import { expectFinding, problems, validTopology } from './helpers';
import { tok, topology } from './topology-builder';
import { SPX121 } from '../../lib/rules/spx121-one-server-per-host';

describe('SPX121 one SpectroSERVER per host', () => {
  test('distinct hosts pass; OneClick may share a host with a SpectroSERVER', () => {
    expect(problems(SPX121, validTopology())).toEqual([]);
    const t = topology().landscape('east', { primary: { host: 'ss1' } }).oneClick('console', { host: 'SS1' }).build();
    expect(SPX121.check(t)).toEqual([]);
  });

  test('primary and secondary on one host (case-insensitive)', () => {
    const t = topology().landscape('east', { primary: { host: 'ss1.example.com' }, secondaries: [{ host: 'SS1.example.com' }] }).build();
    const findings = SPX121.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east/east-a', 'app/east/east-b']);
    expectFinding(findings[0], SPX121, {
      severity: 'error',
      path: 'app/east/east-a',
      message: ['primary \'east-a\' of landscape \'east\'', 'host \'ss1.example.com\' also runs SpectroSERVER \'app/east/east-b\' of the same landscape'],
      fix: 'the primary and the secondaries of a landscape must be on different hosts',
    });
  });

  test.each([
    ['2001:db8::1', '2001:DB8:0:0:0:0:0:1'],
    ['192.0.2.10', '::ffff:192.0.2.10'],
    ['ss1.example.com', 'SS1.example.com.'],
  ])('one host spelled two ways: %s and %s', (a, b) => {
    const t = topology().landscape('east', { primary: { host: a }, secondaries: [{ host: b }] }).oneClick('oc1', { host: a }).oneClick('oc2', { host: b }).build();
    const findings = SPX121.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/east/east-a', 'app/east/east-b', 'app/oc1', 'app/oc2']);
    expect(findings[1].message).toContain(`host '${b}' also runs SpectroSERVER 'app/east/east-a' of the same landscape`);
  });

  test('addresses that only look alike are different hosts', () => {
    const t = topology().landscape('east', { primary: { host: '2001:db8::1' }, secondaries: [{ host: '2001:db8::1:0' }, { host: '::192.0.2.10' }, { host: '192.0.2.10' }] }).build();
    expect(SPX121.check(t)).toEqual([]);
  });

  test('two landscapes in different stacks on one host', () => {
    const t = topology()
      .inStack('eu').landscape('east', { primary: { host: 'shared' } })
      .inStack('us').landscape('west', { secondaries: [{ host: 'shared' }] })
      .build();
    const findings = SPX121.check(t);
    expect(findings.map(f => f.path)).toEqual(['eu/east/east-a', 'us/west/west-b']);
    expect(findings[1].message).toContain('also runs SpectroSERVER \'eu/east/east-a\'');
    expect(findings[1].message).not.toContain('same landscape');
  });

  test('two OneClick servers on one host', () => {
    const t = topology().oneClick('oc1', { host: 'oc' }).oneClick('oc2', { host: 'OC' }).build();
    const findings = SPX121.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/oc1', 'app/oc2']);
    expectFinding(findings[0], SPX121, {
      severity: 'error',
      path: 'app/oc1',
      message: ['OneClick server \'oc1\'', 'host \'oc\' also runs OneClick server \'app/oc2\''],
      fix: 'run each OneClick server on its own host',
    });
  });

  test('token hosts are skipped, even when their texts match', () => {
    const t = topology()
      .landscape('east', { primary: { host: tok('a') }, secondaries: [{ host: tok('a') }] })
      .landscape('west', { primary: { host: tok('b') }, secondaries: [{ host: 'west-b.app.example.com' }] })
      .oneClick('oc1', { host: tok('c') }).oneClick('oc2', { host: tok('c') })
      .build();
    expect(SPX121.check(t)).toEqual([]);
  });
});
