import { findingOf, Rule } from './rule';
import { distributedLabel, distributedMembers, groupBy, installSettingFindings, listOf, Problem, quoted, relativePath, shown } from './support';
import { Finding } from '../model/finding';
import { isSafeInstallPath } from '../model/install-path';
import { compareVersions, isValidVersion } from '../model/spectrum-version';
import { InstallFacts, Topology } from '../model/topology';

const ORDER_FIX = 'list install.updates once each, oldest first, every version after the base release (install.version): each update is applied once, in list order';
const VERSION_FIX = 'give each update the version its media install, as Install-Tools/.history lists it (letters, digits, ".", "_", "-"; e.g. 10.4.2.1)';
const PATH_FIX = 'use an absolute path of letters, digits, ".", "_", "-" and "/" without ".." segments or "//" (e.g. /mnt/spectrum-10.4.2.1)';
const PASSWORD_FIX = 'set install.ownerPassword (a sensitive TerraformVariable or a secret from another resource): the installer of an update reads it too';
const SAME_FIX = 'give every landscape and OneClick server of a distributed landscape the same install.updates (set them once on the distributed landscape); mixed versions are tolerated only during a rolling upgrade';


/** `update 2 ('10.4.2.1')` */
function label(index: number, version: string): string {
  return `update ${index + 1} (${quoted(version)})`;
}

/** What is wrong with one install's update list, one problem per kind at most. */
const CHECKS: ReadonlyArray<(install: InstallFacts) => Problem | undefined> = [
  install => {
    const updates = install.updates ?? [];
    const bad = updates.findIndex(u => !isValidVersion(u.version));
    return bad < 0 ? undefined : { message: `${label(bad, updates[bad].version)} has no valid version`, fix: VERSION_FIX };
  },
  install => {
    const updates = (install.updates ?? []).filter(u => isValidVersion(u.version));
    const base = install.version !== undefined && isValidVersion(install.version) ? install.version : undefined;
    for (let i = 0; i < updates.length; i++) {
      const version = updates[i].version;
      if (base !== undefined && compareVersions(version, base) <= 0) {
        return { message: `update ${quoted(version)} is not after the base release ${quoted(base)}`, fix: ORDER_FIX };
      }
      if (i > 0 && compareVersions(version, updates[i - 1].version) <= 0) {
        const what = compareVersions(version, updates[i - 1].version) === 0 ? 'is listed twice' : `comes after ${quoted(updates[i - 1].version)}`;
        return { message: `update ${quoted(version)} ${what}`, fix: ORDER_FIX };
      }
    }
    return undefined;
  },
  install => {
    const bad = (install.updates ?? []).find(u => !u.mediaPath.isToken && !isSafeInstallPath(u.mediaPath.text));
    return bad ? { message: `update ${quoted(bad.version)}: media path ${shown(bad.mediaPath)} is not an absolute path of safe characters`, fix: PATH_FIX } : undefined;
  },
  // With base media, SPX133 already asks for the password.
  install => ((install.updates ?? []).length > 0 && !install.mediaPath && !install.hasOwnerPassword
    ? { message: `applies ${(install.updates ?? []).length} update(s) without an owner password`, fix: PASSWORD_FIX }
    : undefined),
];

/** `10.4.2.1, 10.4.2.2` or `none` */
function listOfVersions(install: InstallFacts): string {
  const updates = install.updates ?? [];
  return updates.length === 0 ? 'none' : updates.map(u => u.version).join(', ');
}

/**
 * SPX134: update media (install.updates) are applied once each, in order, on
 * top of the base release, so their versions are valid, unique and ascending
 * (and after install.version); their media paths are safe absolute paths; the
 * installer needs the owner password for them too; and every member of a
 * distributed landscape gets the same updates (one Spectrum version per DSS,
 * as SPX131 asks of the base release).
 */
export const SPX134: Rule = {
  id: 'SPX134',
  description: 'Update media have valid, unique, ascending versions and safe paths; one update list per distributed landscape',
  help: 'List install.updates oldest first, once each, every version after install.version, with safe absolute media paths; give every member of a distributed landscape the same list.',
  severity: 'error',
  check(topology: Topology): Finding[] {
    const findings = installSettingFindings(this, topology, CHECKS);
    for (const { dss, landscapes, oneClicks } of distributedMembers(topology)) {
      const members = [
        ...landscapes.map(l => ({ who: quoted(relativePath(l, dss)), install: l.install })),
        ...oneClicks.map(o => ({ who: `OneClick ${quoted(relativePath(o, dss))}`, install: o.install })),
      ];
      const byList = groupBy(members, m => listOfVersions(m.install));
      if (byList.size < 2) continue;
      const parts = [...byList].map(([versions, holders]) =>
        `${versions === 'none' ? 'no updates' : quoted(versions)} (on ${listOf(holders.slice(0, 5).map(h => h.who), holders.length)})`);
      findings.push(findingOf(this, dss, `${distributedLabel(dss)}: update lists differ: ${listOf(parts)}`, SAME_FIX));
    }
    return findings;
  },
};
