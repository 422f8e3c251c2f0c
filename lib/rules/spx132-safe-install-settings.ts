import { findingOf, Rule } from './rule';
import { oneClickLabel, perLandscapeOrServer, quote } from './support';
import { Finding } from '../model/finding';
import { isSafeInstallPath, isValidUserName } from '../model/install-path';
import { isOsPackageName } from '../model/os-packages';
import { InstallFacts, Located, Topology } from '../model/topology';

const PATH_FIX = 'use an absolute path of letters, digits, ".", "_", "-" and "/" without ".." segments or "//" (e.g. /opt/CA/Spectrum)';
const OWNER_FIX = 'use a user name of at most 32 characters: a lower-case letter or "_", then lower-case letters, digits, "_" or "-" (e.g. spectrum)';

interface Problem {
  readonly message: string;
  readonly fix: string;
}

/** What is wrong with one literal setting; tokens are checked at apply time. */
const CHECKS: ReadonlyArray<(install: InstallFacts) => Problem | undefined> = [
  install => (!install.installDir.isToken && !isSafeInstallPath(install.installDir.text)
    ? { message: `install dir ${quote(install.installDir.text)} is not an absolute path of safe characters`, fix: PATH_FIX }
    : undefined),
  install => (install.mediaPath && !install.mediaPath.isToken && !isSafeInstallPath(install.mediaPath.text)
    ? { message: `media path ${quote(install.mediaPath.text)} is not an absolute path of safe characters`, fix: PATH_FIX }
    : undefined),
  install => (!install.owner.isToken && !isValidUserName(install.owner.text)
    ? { message: `install owner ${quote(install.owner.text)} is not a valid user name`, fix: OWNER_FIX }
    : undefined),
  install => (install.sradminDir && !install.sradminDir.isToken && !isSafeInstallPath(install.sradminDir.text)
    ? { message: `SRAdmin directory (sradminDir) ${quote(install.sradminDir.text)} is not an absolute path of safe characters`, fix: PATH_FIX }
    : undefined),
  install => {
    const bad = (install.osPackages ?? []).find(name => !name.isToken && !isOsPackageName(name.text));
    return bad === undefined ? undefined : {
      message: `OS package ${quote(bad.text)} (osPackages) is not a package name`,
      fix: 'use package names as the package manager spells them: a letter or digit, then letters, digits, ".", "_", "+" or "-" (e.g. ksh, libxcrypt.i686)',
    };
  },
];

/**
 * SPX132: the install dir, media path and SRAdmin directory are absolute
 * paths of safe characters, the owner is a valid user name and the OS
 * packages of host preparation are package names: they reach the hostargs
 * file and the scripts. Checked on every server's and OneClick server's
 * effective settings; once for a landscape when all its servers share the
 * problem. Tokens are checked at apply time.
 */
export const SPX132: Rule = {
  id: 'SPX132',
  description: 'The install dir is an absolute path of safe characters; the owner is a valid user name',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings: Finding[] = [];
    const report = (element: Located, subject: string, problem: Problem): void => {
      findings.push(findingOf(this, element, `${subject}: ${problem.message}`, problem.fix));
    };
    for (const check of CHECKS) {
      for (const landscape of topology.landscapes) {
        for (const placed of perLandscapeOrServer(landscape, s => check(s.install), p => p.message)) {
          report(placed.element, placed.subject, placed.problem);
        }
      }
      for (const oneClick of topology.oneClicks) {
        const problem = check(oneClick.install);
        if (problem) report(oneClick, oneClickLabel(oneClick), problem);
      }
    }
    return findings;
  },
};
