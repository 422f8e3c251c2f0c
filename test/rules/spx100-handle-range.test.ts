import { expectFinding, problems, single, validTopology } from './helpers';
import { topology } from './topology-builder';
import { SPX100 } from '../../lib/rules/spx100-handle-range';

describe('SPX100 handle range', () => {
  test('legal legacy handles pass, including the bounds', () => {
    expect(problems(SPX100, validTopology())).toEqual([]);
    expect(SPX100.check(topology().landscape('lo', { handle: 0x100000 }).landscape('hi', { handle: 0xffe00000 }).build())).toEqual([]);
  });

  test('a handle that is not a multiple of 0x100000', () => {
    const f = single(SPX100.check(topology().landscape('east', { handle: 0x400001 }).build()));
    expectFinding(f, SPX100, {
      severity: 'error', path: 'app/east', message: ['landscape \'east\'', '0x400001'], fix: 'use a legacy handle such as 0x100000',
    });
  });

  test('out of range and malformed handles', () => {
    const t = topology()
      .landscape('zero', { handle: 0 })
      .landscape('top', { handle: 0xfff00000 })
      .landscape('bad', { handle: '0xzz' })
      .build();
    const findings = SPX100.check(t);
    expect(findings.map(f => f.path)).toEqual(['app/zero', 'app/top', 'app/bad']);
    expect(findings[2].message).toContain('handle \'0xzz\' is not a number');
  });
});
