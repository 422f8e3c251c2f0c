import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SshTarget } from '../../lib/plan/plan-step';
import { predicateDefinitions } from '../../lib/plan/script-predicates';
import { ServerPlanInput } from '../../lib/plan/server-plan-input';
import { literal } from '../../lib/plan/shell';
import { prepareStep } from '../../lib/plan/steps/prepare-step';
import { webServerStep } from '../../lib/plan/steps/webserver-step';
import { checks } from '../../lib/plan/value-checks';

const target: SshTarget = { host: literal('h1'), user: literal('root'), port: literal('22'), agent: false, timeout: '5m' };
const PASSWORD = 'pw with spaces $(touch /tmp/x) ;';
const OWNER = 'spxunit';

/**
 * A scratch "host": SYSTEM_ROOT with etc/sudoers, sudoers.d, init.d and
 * rc3.d; stand-ins for the system commands the script calls (each logs its
 * argv to calls.log, so a test sees what ran and that no argument carried the
 * password); a package database and user list of its own; media with
 * sradmin.exe and sradmin.rc2.
 */
function fakeHost(options: { installed?: string[]; users?: string[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'spx-prepare-'));
  const root = join(dir, 'root');
  for (const sub of ['etc/sudoers.d', 'etc/init.d', 'etc/rc3.d']) mkdirSync(join(root, sub), { recursive: true });
  writeFileSync(join(root, 'etc/sudoers'), 'root ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(dir, 'dpkg-db'), (options.installed ?? []).map(p => `${p}\n`).join(''));
  writeFileSync(join(dir, 'passwd-db'), (options.users ?? []).map(u => `${u}\n`).join(''));
  const stub = (name: string, body: string) => writeFileSync(join(bin, name),
    `#!/bin/bash\nprintf '%s\\n' "${name} $*" >> '${dir}/calls.log'\n${body}\n`, { mode: 0o755 });
  stub('apt-get', `[ "$1" = install ] || exit 0
for a in "$@"; do case $a in install|-*) ;; *) echo "$a" >> '${dir}/dpkg-db' ;; esac; done`);
  stub('dpkg', `[ "$1" = -s ] && grep -qx -- "$2" '${dir}/dpkg-db' && { echo "Package: $2"; echo 'Status: install ok installed'; exit 0; }; exit 1`);
  stub('id', `if [ "$1" = -u ] && [ $# = 2 ]; then grep -qx -- "$2" '${dir}/passwd-db' && echo 1001 && exit 0; exit 1; fi; exec /usr/bin/id "$@"`);
  stub('useradd', `echo "\${!#}" >> '${dir}/passwd-db'`);
  stub('userdel', '');
  stub('chpasswd', `cat > '${dir}/chpasswd.stdin'`);
  stub('visudo', 'f=${!#}; grep -Eq \'^[a-z_][a-z0-9_-]* ALL=/[A-Za-z0-9/._-]+$\' "$f" || { echo "visudo: syntax error in $f" >&2; exit 1; }');
  stub('update-rc.d', `ln -s ../init.d/$1 '${root}/etc/rc3.d/S01'"$1"`);
  stub('service', `exec '${root}/etc/init.d/'"$1" "$2"`);
  const media = join(dir, 'media');
  mkdirSync(join(media, 'sdic/linux'), { recursive: true });
  writeFileSync(join(media, 'sdic/linux/sradmin.exe'), `#!/bin/bash
here=$(cd "$(dirname "$0")" && pwd)
[ "$SRADHOME" = "$here" ] || { echo "SRADHOME is '$SRADHOME', not $here" >&2; exit 1; }
case $1 in
  start) echo running > "$here/state"; echo "$1" >> "$here/sradmin.log" ;;
  stop) echo stopped > "$here/state"; echo "$1" >> "$here/sradmin.log" ;;
  restart) echo running > "$here/state"; echo "$1" >> "$here/sradmin.log" ;;
  status) [ "$(cat "$here/state" 2>/dev/null)" = running ] || exit 3 ;;
esac
`, { mode: 0o755 });
  writeFileSync(join(media, 'sdic/linux/sradmin.rc2'), '#!/bin/bash\n# Provides: sradmin\nSRADHOME=/opt/CA/SRAdmin\nexport SRADHOME\nexec "$SRADHOME/sradmin.exe" "$1"\n');
  const sradmin = join(dir, 'SRAdmin');
  const stage = join(dir, 'stage');
  return {
    dir,
    root,
    bin,
    media,
    sradmin,
    stage,
    calls: () => (existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n') : []),
    users: () => readFileSync(join(dir, 'passwd-db'), 'utf8').trim().split('\n').filter(Boolean),
  };
}

type Host = ReturnType<typeof fakeHost>;

function input(host: Host, osPackages: string[] | undefined = ['pkg-a', 'pkg-b']): ServerPlanInput {
  return {
    path: 'app/east/primary',
    host: literal('h1'),
    target,
    handle: '0x400000',
    precedence: 10,
    mainLocationServer: literal('h1'),
    vnmrc: {},
    install: {
      mediaPath: literal(host.media),
      installDir: literal('/opt/CA/Spectrum'),
      owner: literal(OWNER),
      excludeParts: [],
      updates: [],
      prepareHost: true,
      osPackages: osPackages?.map(name => literal(name)),
      sradminDir: literal(host.sradmin),
    },
  };
}

/** The step's script pointed at the scratch host, run with the secret staged as the file provisioner would. */
function runPrepare(host: Host, options: { secret?: boolean; osPackages?: string[] } = {}) {
  const step = prepareStep(input(host, options.osPackages ?? ['pkg-a', 'pkg-b']))!;
  const script = step.script
    .replace("SYSTEM_ROOT=''", `SYSTEM_ROOT='${host.root}'`)
    .replace(/^STAGE='[^']*'$/m, `STAGE='${host.stage}'`);
  mkdirSync(host.stage, { recursive: true, mode: 0o700 });
  if (options.secret ?? true) writeFileSync(join(host.stage, 'secret'), PASSWORD);
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, PATH: `${host.bin}:/usr/bin:/bin:/usr/sbin:/sbin` } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A file's permission bits as octal text, e.g. '440'. */
const mode = (file: string) => (statSync(file).mode % 0o1000).toString(8);

const ran = (calls: string[], command: string) => calls.filter(c => c.split(' ')[0] === command);

describe('prepare step script', () => {
  test('a bare host: installs the missing package only, creates the owner (password on stdin), sudoers drop-in, SRAdmin installed, enabled, started', () => {
    const host = fakeHost({ installed: ['pkg-a'] });
    const result = runPrepare(host);
    expect(result.output).toContain('host prepared');
    expect(result.status).toBe(0);
    const calls = host.calls();
    expect(ran(calls, 'apt-get')).toEqual(['apt-get update -q', 'apt-get install -y -q --no-install-recommends pkg-b']);
    expect(ran(calls, 'useradd')).toEqual([`useradd --create-home --shell /bin/bash --comment Spectrum owner ${OWNER}`]);
    expect(host.users()).toEqual([OWNER]);
    expect(readFileSync(join(host.dir, 'chpasswd.stdin'), 'utf8')).toBe(`${OWNER}:${PASSWORD}\n`);
    // No command line carried the password.
    expect(calls.filter(c => c.includes('pw with spaces'))).toEqual([]);
    expect(existsSync(host.stage)).toBe(false);

    const sudoers = join(host.root, 'etc/sudoers.d', `cdktf-spectrum-${OWNER}`);
    expect(readFileSync(sudoers, 'utf8').split('\n')).toContain(`${OWNER} ALL=${host.sradmin}/sradmin.exe`);
    expect(mode(sudoers)).toBe('440');
    expect(ran(calls, 'visudo')).toHaveLength(1);

    expect(readFileSync(join(host.sradmin, 'sradmin.exe'), 'utf8')).toBe(readFileSync(join(host.media, 'sdic/linux/sradmin.exe'), 'utf8'));
    expect(mode(join(host.sradmin, 'sradmin.exe'))).toBe('744');
    const init = join(host.root, 'etc/init.d/sradmin');
    expect(readFileSync(init, 'utf8')).toContain(`\nSRADHOME=${host.sradmin}\n`);
    expect(readFileSync(init, 'utf8')).not.toContain('SRADHOME=/opt/CA/SRAdmin');
    expect(mode(init)).toBe('500');
    expect(readlinkSync(join(host.root, 'etc/rc3.d/S01sradmin'))).toBe('../init.d/sradmin');
    expect(readlinkSync(join(host.sradmin, 'sudoers'))).toBe(join(host.root, 'etc/sudoers'));
    expect(ran(calls, 'service')).toEqual(['service sradmin start']);
    expect(readFileSync(join(host.sradmin, 'state'), 'utf8').trim()).toBe('running');
    // No temporary file left where sudo or init read.
    expect(readdirSync(join(host.root, 'etc/sudoers.d'))).toEqual([`cdktf-spectrum-${OWNER}`]);
    expect(readdirSync(join(host.root, 'etc/init.d'))).toEqual(['sradmin']);
  });

  test('a prepared host is left alone: no package manager, no user change, no enable, no restart', () => {
    const host = fakeHost({ installed: ['pkg-a'] });
    expect(runPrepare(host).status).toBe(0);
    const before = host.calls().length;
    const second = runPrepare(host);
    expect(second.status).toBe(0);
    expect(second.output).toContain('the host is already prepared; nothing changed');
    expect(second.output).toContain('OS packages: all present (deb); no package manager run');
    const calls = host.calls().slice(before);
    for (const command of ['apt-get', 'useradd', 'chpasswd', 'update-rc.d', 'service']) expect(ran(calls, command)).toEqual([]);
    expect(readFileSync(join(host.sradmin, 'sradmin.log'), 'utf8').trim().split('\n')).toEqual(['start']);
    // No backup either: nothing was replaced.
    expect(readdirSync(host.sradmin).filter(f => f.endsWith('.bak'))).toEqual([]);
  });

  test('an existing owner keeps its password; a stopped SRAdmin is started again (and only that)', () => {
    const host = fakeHost({ installed: ['pkg-a', 'pkg-b'], users: [OWNER] });
    expect(runPrepare(host).status).toBe(0);
    expect(ran(host.calls(), 'useradd')).toEqual([]);
    expect(existsSync(join(host.dir, 'chpasswd.stdin'))).toBe(false);
    writeFileSync(join(host.sradmin, 'state'), 'stopped\n');
    const before = host.calls().length;
    const result = runPrepare(host);
    expect(result.output).toContain('changed: started SRAdmin');
    expect(result.output).toContain('host prepared: 1 change(s)');
    expect(ran(host.calls().slice(before), 'service')).toEqual(['service sradmin start']);
  });

  test('new media: the new sradmin.exe replaces the old (kept as a backup) and SRAdmin restarts', () => {
    const host = fakeHost({ installed: ['pkg-a', 'pkg-b'], users: [OWNER] });
    expect(runPrepare(host).status).toBe(0);
    writeFileSync(join(host.media, 'sdic/linux/sradmin.exe'), `${readFileSync(join(host.media, 'sdic/linux/sradmin.exe'), 'utf8')}# 10.4.2\n`);
    const result = runPrepare(host);
    expect(result.status).toBe(0);
    expect(result.output).toContain('restarted SRAdmin to run the new files');
    expect(readdirSync(host.sradmin).filter(f => /^sradmin\.exe\.cdktf-spectrum-.*\.bak$/.test(f))).toHaveLength(1);
    expect(readFileSync(join(host.sradmin, 'sradmin.exe'), 'utf8')).toContain('# 10.4.2');
  });

  test('the processd service is there: SRAdmin is not installed', () => {
    const host = fakeHost({ installed: ['pkg-a', 'pkg-b'], users: [OWNER] });
    writeFileSync(join(host.root, 'etc/init.d/processd'), '#!/bin/sh\n');
    const result = runPrepare(host);
    expect(result.status).toBe(0);
    expect(result.output).toContain('the processd service is there');
    expect(existsSync(join(host.sradmin, 'sradmin.exe'))).toBe(false);
    expect(existsSync(join(host.root, 'etc/init.d/sradmin'))).toBe(false);
  });

  test('refuses clearly: a missing owner without a password, a sudoers line visudo rejects, media without SRAdmin', () => {
    const noSecret = fakeHost({ installed: ['pkg-a', 'pkg-b'] });
    const first = runPrepare(noSecret, { secret: false });
    expect(first.status).not.toBe(0);
    expect(first.output).toContain(`install owner ${OWNER} does not exist and no password was staged`);
    expect(noSecret.users()).toEqual([]);

    const badSudoers = fakeHost({ installed: ['pkg-a', 'pkg-b'], users: [OWNER] });
    writeFileSync(join(badSudoers.bin, 'visudo'), '#!/bin/bash\necho "visudo: syntax error" >&2\nexit 1\n', { mode: 0o755 });
    const second = runPrepare(badSudoers);
    expect(second.status).not.toBe(0);
    expect(second.output).toContain('visudo rejects the sudoers line');
    expect(readdirSync(join(badSudoers.root, 'etc/sudoers.d'))).toEqual([]);

    const noSradmin = fakeHost({ installed: ['pkg-a', 'pkg-b'], users: [OWNER] });
    spawnSync('rm', ['-f', join(noSradmin.media, 'sdic/linux/sradmin.exe')]);
    const third = runPrepare(noSradmin);
    expect(third.status).not.toBe(0);
    expect(third.output).toContain('no SRAdmin on the media');
  });

  test('the default package list follows the host\'s family; a bad package name never reaches the script', () => {
    const host = fakeHost();
    const step = prepareStep({ ...input(host), install: { ...input(host).install, osPackages: undefined } })!;
    expect(step.script).toContain("DEB_PACKAGES+='libxm4'");
    expect(step.script).toContain("RPM_PACKAGES+='ncurses-compat-libs'");
    const bad = prepareStep(input(host, ['ksh', '--allow-unauthenticated']))!;
    expect(bad.script).not.toContain('allow-unauthenticated');
    expect(bad.script).toContain('was rejected at synth time');
    expect(prepareStep({ ...input(host), install: { ...input(host).install, prepareHost: false } })).toBeUndefined();
    expect(step.inputs).not.toHaveProperty('ownerPassword');
  });

  test('prepare and webserver scripts pass shellcheck', () => {
    const host = fakeHost();
    for (const script of [prepareStep(input(host))!.script, webServerStep(input(host))!.script]) {
      const result = spawnSync('shellcheck', ['-s', 'bash', '-S', 'warning', '-'], { input: script, encoding: 'utf8' });
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    }
  });
});

describe('webserver step script', () => {
  function fakeOneClick() {
    const dir = mkdtempSync(join(tmpdir(), 'spx-webserver-'));
    mkdirSync(join(dir, 'webtomcat/bin'), { recursive: true });
    // The installer's .locrc, which the step makes name the main location server before the start.
    mkdirSync(join(dir, 'LS'));
    writeFileSync(join(dir, 'LS/.locrc'), 'MAIN_LOCATION_HOST_NAME=h1\n');
    for (const tool of ['startWebTomcat.sh', 'stopWebTomcat.sh']) {
      writeFileSync(join(dir, 'webtomcat/bin', tool), `#!/bin/sh\necho ${tool} >> "${dir}/calls.log"\n`, { mode: 0o755 });
    }
    return dir;
  }

  test('stops, then starts OneClick\'s web server as the owner', () => {
    const specroot = fakeOneClick();
    const user = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
    const step = webServerStep({ ...input(fakeHost()), install: { installDir: literal(specroot), owner: literal(user), excludeParts: [], updates: [], mediaPath: literal('/m') } })!;
    const result = spawnSync('bash', ['-c', step.script], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(readFileSync(join(specroot, 'calls.log'), 'utf8')).toBe('stopWebTomcat.sh\nstartWebTomcat.sh\n');
  });

  test('fails clearly where OneClick is not installed', () => {
    const specroot = mkdtempSync(join(tmpdir(), 'spx-webserver-'));
    const step = webServerStep({ ...input(fakeHost()), install: { installDir: literal(specroot), owner: literal('root'), excludeParts: [], updates: [], mediaPath: literal('/m') } })!;
    const result = spawnSync('bash', ['-c', step.script], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('OneClick is not installed');
  });
});

describe('osPackage value kind', () => {
  test('the bash predicate accepts exactly what the synth-time predicate accepts', () => {
    const corpus = ['ksh', 'libxcrypt.i686', 'libstdc++', 'perl-LWP-Protocol-https', 'x', '0ad', 'a'.repeat(128), 'a'.repeat(129),
      '', '-y', '--force', 'a b', 'a;b', 'a\nb', '$(x)', 'a/b', '.hidden', '_x', 'pkg:1'];
    const script = [predicateDefinitions([checks.osPackage.bashPredicate]),
      'while IFS= read -r -d "" v; do if is_os_package "$v"; then echo yes; else echo no; fi; done'].join('\n');
    const result = spawnSync('bash', ['-c', script], { input: corpus.map(v => `${v}\0`).join(''), encoding: 'utf8' });
    expect(result.stdout.trim().split('\n')).toEqual(corpus.map(v => (checks.osPackage.test(v) ? 'yes' : 'no')));
    expect(corpus.filter(v => checks.osPackage.test(v))).toEqual(['ksh', 'libxcrypt.i686', 'libstdc++', 'perl-LWP-Protocol-https', 'x', '0ad', 'a'.repeat(128)]);
  });
});
