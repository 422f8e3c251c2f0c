import { expectFinding, problems, single, validTopology } from './helpers';
import { tok, topology } from './topology-builder';
import { SPX171 } from '../../lib/rules/spx171-main-location-server';

describe('SPX171 main location server is the master primary', () => {
  test('defaults pass; literal hosts compare case-insensitively; the same token passes', () => {
    expect(problems(SPX171, validTopology())).toEqual([]);
    const t = topology()
      .distributed('lit', d => d.master('m', { primary: { host: 'MLS.example.com' } }).landscape('x', { mainLocationServer: 'mls.EXAMPLE.com' }))
      .distributed('tok', d => d.master('m', { primary: { host: tok('ip') } }).oneClick('oc', { mainLocationServer: tok('ip') }))
      .build();
    expect(SPX171.check(t)).toEqual([]);
  });

  test('a OneClick server pointing elsewhere', () => {
    const t = topology()
      .distributed('estate', d => d.master('east', { primary: { host: 'ss1' } }).oneClick('console', { mainLocationServer: 'ss9' }))
      .build();
    expectFinding(single(SPX171.check(t)), SPX171, {
      severity: 'error',
      path: 'app/estate/console',
      message: ['OneClick server \'console\'', 'main location server \'ss9\' is not the master primary \'east/east-a\' on \'ss1\''],
      fix: 'leave mainLocationServer unset',
    });
  });

  test('a landscape pointing at its own primary; token against literal and different tokens', () => {
    const t = topology()
      .distributed('estate', d => d
        .master('east', { primary: { host: tok('a') } })
        .landscape('west', { mainLocationServer: 'west-a.app.example.com' })
        .oneClick('oc', { mainLocationServer: tok('b') }))
      .build();
    const findings = SPX171.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/estate/west', 'app/estate/oc']);
    expect(findings[0].message).toContain('landscape \'west\'');
    expect(findings[0].message).toContain('\'west-a.app.example.com\' is not the master primary \'east/east-a\' on (token ${TfToken[a]})');
  });

  test('no master: left to SPX170; standalone OneClick servers are not checked', () => {
    const t = topology()
      .distributed('estate', d => d.landscape('east').oneClick('oc', { mainLocationServer: 'anything' }), { noMaster: true })
      .oneClick('solo', { mainLocationServer: 'elsewhere' })
      .build();
    expect(SPX171.check(t)).toEqual([]);
  });
});
