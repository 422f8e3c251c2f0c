import { topology } from './topology-builder';
import { SPX101 } from '../../lib/rules/spx101-unique-handle';
import { SPX121 } from '../../lib/rules/spx121-one-server-per-host';

/** Correctness on a large app (no timing assertions: the rules are linear by construction). */
describe('SPX101 and SPX121 on 2000 landscapes', () => {
  const COUNT = 2000;

  test('all distinct: no findings', () => {
    const b = topology();
    for (let i = 0; i < COUNT; i++) b.inStack(`stack${i % 4}`).landscape(`l${i}`);
    const t = b.build();
    expect(t.landscapes).toHaveLength(COUNT);
    expect(SPX101.check(t)).toEqual([]);
    expect(SPX121.check(t)).toEqual([]);
  });

  test('one duplicate handle and one shared host among 2000 are found exactly', () => {
    const b = topology().distributed('estate', d => {
      d.master('l0');
      for (let i = 1; i < COUNT; i++) {
        if (i === 1500) d.landscape(`l${i}`, { handle: 0x100000 });
        else if (i === 1700) d.landscape(`l${i}`, { secondaries: [{ host: 'l3-a.app.example.com' }] });
        else d.landscape(`l${i}`);
      }
    });
    const t = b.build();
    expect(SPX101.check(t).map(f => f.path)).toEqual(['app/estate/l0', 'app/estate/l1500']);
    expect(SPX121.check(t).map(f => f.path)).toEqual(['app/estate/l3/l3-a', 'app/estate/l1700/l1700-b']);
  });

  test('2000 landscapes on one handle and one host: every one reported, messages stay short', () => {
    const b = topology();
    for (let i = 0; i < COUNT; i++) b.landscape(`l${i}`, { handle: 0x200000, primary: { host: 'one' }, secondaries: [] });
    const t = b.build();
    const handles = SPX101.check(t);
    const hosts = SPX121.check(t);
    expect(handles).toHaveLength(COUNT);
    expect(hosts).toHaveLength(COUNT);
    expect(handles[0].message).toContain(`and ${COUNT - 6} more`);
    expect(hosts[COUNT - 1].message.length).toBeLessThan(400);
  });
});
