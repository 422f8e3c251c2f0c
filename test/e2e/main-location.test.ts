/**
 * OneClick's main location server after a promotion, end to end
 * (docs/promotion.md, KB 49550's last step): `cdktf deploy` of
 * test/e2e/fixtures/mainlocation (a fault-tolerant pair and a OneClick
 * server, installed from the simulator's media) onto three sandbox hosts;
 * swapping the primary's and secondary's hosts promotes the secondary, and
 * OneClick's `$SPECROOT/LS/.locrc` then names the new primary
 * (MAIN_LOCATION_HOST_NAME, techdocs 21.2) and its web server runs with it,
 * restarted once; a second deploy changes nothing. One sandbox, three deploys.
 */
import { CdktfProject } from './deploy/cdktf-project';
import { expectSuccess } from './deploy/deploy-output';
import { deploySuite } from './deploy/deploy-suite';
import { Sandbox } from './sandbox';
import { describeIfAvailable, sandboxUnavailableReason } from './sandbox/prerequisites';
import { locrcMainLocation, readWebTomcatTimeline, webTomcatMainLocation, webTomcatState } from './simulator';

const unavailable = sandboxUnavailableReason();
const HOSTS = ['primary', 'secondary', 'console'];

describeIfAvailable(unavailable)(`OneClick's main location server after a promotion${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const suite = deploySuite('mainlocation', { hosts: HOSTS, firstAddressOctet: 110 });
  let sandbox: Sandbox;
  let project: CdktfProject;
  const root = (name: string) => sandbox.host(name).rootDir;
  const webStarts = (name: string) => readWebTomcatTimeline(root(name)).filter(t => t.event === 'webtomcat-running').map(t => t.detail);

  beforeAll(() => {
    ({ sandbox } = suite);
    project = suite.project({ dir: 'test/e2e/fixtures/mainlocation', stack: 'e2e-mainlocation', hostNames: HOSTS });
    expectSuccess(project.deploy());
  });

  test('a promotion points OneClick at the new primary and restarts its web server once; a second deploy changes nothing', () => {
    const [a, b] = [sandbox.host('primary').address, sandbox.host('secondary').address];
    // First deploy: every installation names the primary (main_loc_serv), and the web server runs with it.
    for (const name of HOSTS) expect(locrcMainLocation(root(name))).toBe(a);
    expect(webTomcatState(root('console'))).toBe('running');
    expect(webStarts('console')).toEqual([`mls=${a}`]);

    // The promotion: the code's primary is now the server at b (through the hosts variable, as test/e2e/reseed.test.ts does).
    project.swapHosts('primary', 'secondary');
    const promoted = project.deploy();
    expectSuccess(promoted);
    expect(promoted.output).toMatch(/console_mainlocation_[0-9A-F]{8} \([^)]*\): Creation complete/);

    expect(locrcMainLocation(root('console'))).toBe(b);
    expect(webTomcatMainLocation(root('console'))).toBe(b);
    // Restarted once in this deploy (the webserver and mainlocation steps both ran), with the new primary.
    expect(webStarts('console')).toEqual([`mls=${a}`, `mls=${b}`]);
    // The SpectroSERVERs' files are left as their installs wrote them (docs/promotion.md): both name the same host.
    expect(locrcMainLocation(root('primary'))).toBe(a);
    expect(locrcMainLocation(root('secondary'))).toBe(a);

    const timeline = readWebTomcatTimeline(root('console')).length;
    const again = project.deploy();
    expectSuccess(again);
    expect(again.output).toMatch(/No changes|0 added, 0 changed, 0 destroyed/);
    expect(readWebTomcatTimeline(root('console'))).toHaveLength(timeline);
    expect(webTomcatMainLocation(root('console'))).toBe(b);
  });
});
