import { criticalChain, criticalPath } from '../../bench/deploy-graph';

describe('bench:deploy critical path', () => {
  test('the longest chain of depends_on, weighted by what each resource took', () => {
    const graph = new Map<string, string[]>([
      ['a', []], ['b', ['a']], ['c', ['a']], ['d', ['b', 'c']], ['e', []],
    ]);
    const timings = [
      { address: 'a', start: 0, end: 2 }, { address: 'b', start: 2, end: 3 }, { address: 'c', start: 2, end: 7 },
      { address: 'd', start: 7, end: 8 }, { address: 'e', start: 0, end: 6 },
    ];
    expect(criticalPath(graph, timings)).toBe(2 + 5 + 1);
    expect(criticalChain(graph, timings).chain).toEqual(['a', 'c', 'd']);
  });

  test('parallel branches do not add up, and a cycle is an error', () => {
    expect(criticalPath(new Map([['x', []], ['y', []]]), [{ address: 'x', start: 0, end: 4 }, { address: 'y', start: 0, end: 3 }])).toBe(4);
    expect(() => criticalPath(new Map([['x', ['y']], ['y', ['x']]]), [])).toThrow(/cycle/);
  });
});
