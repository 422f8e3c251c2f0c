import { Rule } from './rule';
import { installSettingFindings, Problem, quoted } from './support';
import { Finding } from '../model/finding';
import { InstallFacts, Topology } from '../model/topology';
import { EXCLUDE_PARTS, INSTALL_OWNER, INSTALL_PATH, isExcludePart, OS_PACKAGE, VERSION } from '../model/value-kinds';

const PATH_FIX = 'use an absolute path of letters, digits, ".", "_", "-" and "/" without ".." segments or "//" (e.g. /opt/CA/Spectrum)';
const OWNER_FIX = 'use a user name of at most 32 characters: a lower-case letter or "_", then lower-case letters, digits, "_" or "-" (e.g. spectrum)';
const VERSION_FIX = 'use the version as Install-Tools/.history records it: a letter or digit, then letters, digits, ".", "_" or "-", at most 64 (e.g. 10.4.1)';
const PARTS_FIX = 'name each part with a letter or digit, then letters, digits, "_" or "-" (e.g. SA-RPT-MGR); at most 512 bytes in all, joined by commas';


/** What is wrong with one literal setting; tokens are checked at apply time. */
const CHECKS: ReadonlyArray<(install: InstallFacts) => Problem | undefined> = [
  install => (!install.installDir.isToken && !INSTALL_PATH.test(install.installDir.text)
    ? { message: `install dir ${quoted(install.installDir.text)} is not an absolute path of safe characters`, fix: PATH_FIX }
    : undefined),
  install => (install.mediaPath && !install.mediaPath.isToken && !INSTALL_PATH.test(install.mediaPath.text)
    ? { message: `media path ${quoted(install.mediaPath.text)} is not an absolute path of safe characters`, fix: PATH_FIX }
    : undefined),
  install => (!install.owner.isToken && !INSTALL_OWNER.test(install.owner.text)
    ? { message: `install owner ${quoted(install.owner.text)} is not a valid user name`, fix: OWNER_FIX }
    : undefined),
  install => (install.version !== undefined && install.version !== '' && !VERSION.test(install.version)
    ? { message: `version ${quoted(install.version)} is not ${VERSION.description}`, fix: VERSION_FIX }
    : undefined),
  install => {
    const bad = install.excludeParts.find(part => !isExcludePart(part));
    if (bad !== undefined) return { message: `excluded part ${quoted(bad)} is not a part name of letters, digits, "_" and "-"`, fix: PARTS_FIX };
    const joined = install.excludeParts.join(',');
    return joined !== '' && !EXCLUDE_PARTS.test(joined)
      ? { message: `the excluded parts ${quoted(joined)} are longer than the hostargs file takes`, fix: PARTS_FIX }
      : undefined;
  },
  install => (install.sradminDir && !install.sradminDir.isToken && !INSTALL_PATH.test(install.sradminDir.text)
    ? { message: `SRAdmin directory (sradminDir) ${quoted(install.sradminDir.text)} is not an absolute path of safe characters`, fix: PATH_FIX }
    : undefined),
  install => {
    const bad = (install.osPackages ?? []).find(name => !name.isToken && !OS_PACKAGE.test(name.text));
    return bad === undefined ? undefined : {
      message: `OS package ${quoted(bad.text)} (osPackages) is not a package name`,
      fix: 'use package names as the package manager spells them: a letter or digit, then letters, digits, ".", "_", "+" or "-" (e.g. ksh, libxcrypt.i686)',
    };
  },
];

/**
 * SPX132: the install dir, media path and SRAdmin directory are absolute
 * paths of safe characters, the owner is a valid user name, the version,
 * the excluded parts and the OS packages of host preparation are plain
 * names: they reach the hostargs file and the scripts, which check them
 * again with the same value kinds. Checked on every server's and OneClick server's
 * effective settings; once for a landscape when all its servers share the
 * problem. Tokens are checked at apply time.
 */
export const SPX132: Rule = {
  id: 'SPX132',
  description: 'The install dir is an absolute path of safe characters; the owner is a valid user name; version and excluded parts are plain names',
  help: 'Use an absolute install directory of safe characters (letters, digits, /, ., _, -) and a valid user name as owner.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    return installSettingFindings(this, topology, CHECKS);
  },
};
