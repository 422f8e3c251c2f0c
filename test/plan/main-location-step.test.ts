/**
 * The mainlocation step (docs/promotion.md) and the webserver step's part in
 * it, run with bash against a fake OneClick $SPECROOT: `$SPECROOT/LS/.locrc`
 * names the main location server (techdocs 21.2, key
 * MAIN_LOCATION_HOST_NAME), every other line is kept with a `.bak` of what
 * was replaced, and OneClick's web server restarts only when the file
 * changed (KB 49550's last step, the web server reading it at start).
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';
import { SshTarget } from '../../lib/plan/plan-step';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { mainLocationStep } from '../../lib/plan/steps/main-location-step';
import { webServerStep } from '../../lib/plan/steps/webserver-step';

const target: SshTarget = { host: literal('oc-1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };

const INSTALLED_LOCRC = [
  '# Location server configuration',
  'MET_INTERVAL=3600000',
  'MAIN_LOCATION_HOST_NAME=ss-east-1',
  'LOCATION_PORT=0xbeef',
  '',
].join('\n');

/** A OneClick install: web server scripts that log their calls, and the installer's .locrc (unless `locrc` is null). */
function fakeOneClick(locrc: string | null = INSTALLED_LOCRC) {
  const root = join(mkdtempSync(join(tmpdir(), 'spx-mls-')), 'Spectrum');
  mkdirSync(join(root, 'webtomcat/bin'), { recursive: true });
  mkdirSync(join(root, 'LS'));
  for (const tool of ['startWebTomcat.sh', 'stopWebTomcat.sh']) {
    writeFileSync(join(root, 'webtomcat/bin', tool),
      `#!/bin/bash\nprintf '%s %s\\n' ${tool} "$(grep '^MAIN_LOCATION_HOST_NAME=' '${root}/LS/.locrc')" >> '${root}/calls.log'\n`, { mode: 0o755 });
  }
  if (locrc !== null) writeFileSync(join(root, 'LS/.locrc'), locrc);
  return {
    root,
    locrc: () => readFileSync(join(root, 'LS/.locrc'), 'utf8'),
    backups: () => readdirSync(join(root, 'LS')).filter(f => f.endsWith('.bak')).sort(),
    calls: () => (existsSync(join(root, 'calls.log')) ? readFileSync(join(root, 'calls.log'), 'utf8').trim().split('\n') : []),
  };
}

function input(root: string, mls: string, mediaPath?: string): ServerPlanInput {
  return {
    path: 'app/east/console',
    host: literal('oc-1'),
    target,
    install: {
      installDir: literal(root),
      owner: literal(userInfo().username),
      excludeParts: [],
      updates: [],
      ...(mediaPath ? { mediaPath: literal(mediaPath) } : {}),
    },
    handle: '0x400000',
    precedence: 10,
    mainLocationServer: literal(mls),
    vnmrc: {},
  };
}

function run(script: string): { status: number; output: string } {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('mainlocation step', () => {
  test('a new main location server: the key changes, every other line stays, a .bak keeps the old file, the web server restarts once', () => {
    const oc = fakeOneClick();
    const result = run(mainLocationStep(input(oc.root, 'ss-east-2')).script);
    expect(result.status).toBe(0);
    expect(oc.locrc()).toEqual([
      '# Location server configuration',
      'MET_INTERVAL=3600000',
      'MAIN_LOCATION_HOST_NAME=ss-east-2',
      'LOCATION_PORT=0xbeef',
      '',
    ].join('\n'));
    expect(oc.backups()).toHaveLength(1);
    expect(readFileSync(join(oc.root, 'LS', oc.backups()[0]), 'utf8')).toBe(INSTALLED_LOCRC);
    // Stop, then start, and the start reads the new file.
    expect(oc.calls()).toEqual([
      'stopWebTomcat.sh MAIN_LOCATION_HOST_NAME=ss-east-2',
      'startWebTomcat.sh MAIN_LOCATION_HOST_NAME=ss-east-2',
    ]);
    expect(readdirSync(join(oc.root, 'LS')).filter(f => !f.endsWith('.bak'))).toEqual(['.locrc']);
  });

  test('the file already names it: nothing written, nothing restarted (a second run of a deploy)', () => {
    const oc = fakeOneClick();
    const step = mainLocationStep(input(oc.root, 'ss-east-2'));
    expect(run(step.script).status).toBe(0);
    const result = run(step.script);
    expect(result.status).toBe(0);
    expect(result.output).toContain('already names ss-east-2');
    expect(oc.calls()).toHaveLength(2);
    expect(oc.backups()).toHaveLength(1);
  });

  test('the same host as the installer wrote: no change, no restart', () => {
    const oc = fakeOneClick();
    expect(run(mainLocationStep(input(oc.root, 'ss-east-1')).script).status).toBe(0);
    expect(oc.locrc()).toBe(INSTALLED_LOCRC);
    expect(oc.calls()).toEqual([]);
    expect(oc.backups()).toEqual([]);
  });

  test('duplicate and spaced keys: the first becomes the wanted line, later duplicates go; a file without the key gets it appended', () => {
    const oc = fakeOneClick('  MAIN_LOCATION_HOST_NAME = old-1\nA=1\nMAIN_LOCATION_HOST_NAME=old-2\n');
    expect(run(mainLocationStep(input(oc.root, 'ss-east-2')).script).status).toBe(0);
    expect(oc.locrc()).toBe('MAIN_LOCATION_HOST_NAME=ss-east-2\nA=1\n');
    const bare = fakeOneClick('MET_INTERVAL=3600000\n');
    expect(run(mainLocationStep(input(bare.root, 'ss-east-2')).script).status).toBe(0);
    expect(bare.locrc()).toBe('MET_INTERVAL=3600000\nMAIN_LOCATION_HOST_NAME=ss-east-2\n');
  });

  test('a missing .locrc is refused with the reason, and nothing is written or restarted', () => {
    const oc = fakeOneClick(null);
    const result = run(mainLocationStep(input(oc.root, 'ss-east-2')).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${oc.root}/LS/.locrc does not exist; Spectrum's installer writes it`);
    expect(result.output).toContain('set manageMainLocation: false on this OneClick server');
    expect(readdirSync(join(oc.root, 'LS'))).toEqual([]);
    expect(oc.calls()).toEqual([]);
  });

  test('where OneClick is not installed it fails clearly', () => {
    const root = mkdtempSync(join(tmpdir(), 'spx-mls-'));
    const result = run(mainLocationStep(input(root, 'ss-east-2')).script);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('OneClick is not installed');
  });

  test('a run that changed the file but did not restart (start failed): the next run restarts although the file is right', () => {
    const oc = fakeOneClick();
    writeFileSync(join(oc.root, 'webtomcat/bin/startWebTomcat.sh'), '#!/bin/bash\nexit 1\n', { mode: 0o755 });
    const step = mainLocationStep(input(oc.root, 'ss-east-2'));
    expect(run(step.script).status).not.toBe(0);
    writeFileSync(join(oc.root, 'webtomcat/bin/startWebTomcat.sh'),
      `#!/bin/bash\nprintf '%s\\n' startWebTomcat.sh >> '${oc.root}/calls.log'\n`, { mode: 0o755 });
    const result = run(step.script);
    expect(result.status).toBe(0);
    expect(result.output).toContain('not restarted since');
    expect(oc.calls()).toEqual(['stopWebTomcat.sh MAIN_LOCATION_HOST_NAME=ss-east-2', 'stopWebTomcat.sh MAIN_LOCATION_HOST_NAME=ss-east-2', 'startWebTomcat.sh']);
    expect(run(step.script).output).toContain('no restart');
  });

  test('its backups are pruned to the retention', () => {
    const oc = fakeOneClick();
    for (const [i, host] of ['a-1', 'a-2', 'a-3', 'a-4'].entries()) {
      writeFileSync(join(oc.root, 'LS', `.locrc.cdktf-spectrum-2026010${i}T000000Z.bak`), `MAIN_LOCATION_HOST_NAME=${host}\n`);
    }
    expect(run(mainLocationStep(input(oc.root, 'ss-east-2'), 2).script).status).toBe(0);
    expect(oc.backups()).toHaveLength(2);
    expect(oc.backups()).not.toContain('.locrc.cdktf-spectrum-20260100T000000Z.bak');
  });

  test('the main location server is its trigger input (a promotion re-runs it), with host, install dir and owner', () => {
    const step = mainLocationStep(input('/opt/CA/Spectrum', 'ss-east-2'));
    expect(Object.keys(step.inputs).sort()).toEqual(['host', 'mls', 'owner', 'specroot']);
    expect(step.inputs.mls.text).toBe('ss-east-2');
  });
});

describe('webserver step and the main location server', () => {
  test('writes .locrc before its restart, so a following mainlocation step restarts nothing (one restart per deploy)', () => {
    const oc = fakeOneClick();
    expect(run(webServerStep(input(oc.root, 'ss-east-2', '/media'))!.script).status).toBe(0);
    expect(oc.calls()).toEqual([
      'stopWebTomcat.sh MAIN_LOCATION_HOST_NAME=ss-east-2',
      'startWebTomcat.sh MAIN_LOCATION_HOST_NAME=ss-east-2',
    ]);
    const after = run(mainLocationStep(input(oc.root, 'ss-east-2')).script);
    expect(after.status).toBe(0);
    expect(after.output).toContain('no restart');
    expect(oc.calls()).toHaveLength(2);
  });

  test('with manageMainLocation false it restarts the web server and leaves .locrc alone, also where there is none', () => {
    const oc = fakeOneClick(null);
    const result = run(webServerStep(input(oc.root, 'ss-east-2', '/media'), false)!.script);
    expect(result.status).toBe(0);
    expect(result.output).toContain('its main location server is not managed here');
    expect(readdirSync(join(oc.root, 'LS'))).toEqual([]);
    expect(oc.calls().map(call => call.split(' ')[0])).toEqual(['stopWebTomcat.sh', 'startWebTomcat.sh']);
    const managed = run(webServerStep(input(oc.root, 'ss-east-2', '/media'))!.script);
    expect(managed.status).not.toBe(0);
  });

  test('the main location server is not a trigger input of the webserver step (the mainlocation step owns it)', () => {
    expect(Object.keys(webServerStep(input('/opt/CA/Spectrum', 'ss-east-2', '/media'))!.inputs).sort()).toEqual(['host', 'owner', 'specroot']);
  });
});
