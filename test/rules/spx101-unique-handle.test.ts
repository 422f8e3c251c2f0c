import { expectFinding, problems, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX101 } from '../../lib/rules/spx101-unique-handle';

describe('SPX101 unique handles', () => {
  test('distinct handles pass', () => {
    expect(problems(SPX101, validTopology())).toEqual([]);
  });

  test('a duplicate inside a DSS is reported on both landscapes', () => {
    const t = topology()
      .distributed('estate', d => d.master('east', { handle: 0x400000 }).landscape('west', { handle: 0x400000 }))
      .build();
    const findings = SPX101.check(t);
    expect(findings).toHaveLength(2);
    expectFinding(findings[0], SPX101, {
      severity: 'error',
      path: 'app/estate/east',
      message: ['landscape \'east\' (0x400000)', 'handle 0x400000 is also used by \'app/estate/west\''],
      fix: 'give every landscape of the app its own handle',
    });
    expect(findings[1].message).toContain('also used by \'app/estate/east\'');
    expect(findings[1].fix).toContain('e.g. 0x100000, which is free');
  });

  test('a cross-stack duplicate names the other stack', () => {
    const t = topology()
      .inStack('prod-eu').landscape('east', { handle: 0x500000 })
      .inStack('prod-us').landscape('east', { handle: '0x500000' })
      .build();
    const findings = SPX101.check(t);
    expect(findings.map(f => [f.path, f.stack])).toEqual([['prod-eu/east', 'prod-eu'], ['prod-us/east', 'prod-us']]);
    expectFinding(findings[0], SPX101, {
      severity: 'error',
      path: 'prod-eu/east',
      message: ['0x500000', 'also used by \'prod-us/east\' (stack \'prod-us\')'],
      fix: 'across distributed landscapes and stacks',
    });
  });

  test('hex and decimal spellings of one handle collide; malformed handles are left to SPX100', () => {
    const t = topology()
      .landscape('hex', { handle: '0x100000' })
      .landscape('dec', { handle: '1048576' })
      .landscape('bad1', { handle: 'nope' })
      .landscape('bad2', { handle: 'nope' })
      .build();
    expect(SPX101.check(t).map(f => f.path)).toEqual(['app/hex', 'app/dec']);
  });

  test('many landscapes on one handle: each message lists a few and counts the rest', () => {
    const b = topology();
    for (let i = 0; i < 10; i++) b.landscape(`l${i}`, { handle: 0x300000 });
    const findings = SPX101.check(b.build());
    expect(findings).toHaveLength(10);
    expect(findings[0].message).toContain('and 4 more');
  });
});
