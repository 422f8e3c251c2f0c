/**
 * What the end-to-end suites need from the machine, and how they skip when it
 * is missing. CI installs the packages with `install-deps.sh` beside this file.
 */
import * as fs from 'fs';

/** Executables the sandbox runs. */
const REQUIRED_PROGRAMS = ['/usr/sbin/sshd', '/usr/bin/ssh', '/usr/bin/ssh-keygen', '/usr/bin/unshare', '/usr/bin/setpriv', '/usr/sbin/runuser'];

/** Set to 1 to make missing prerequisites fail the suite instead of skipping it. */
export const REQUIRE_E2E_ENV = 'SPECTRUM_E2E_REQUIRED';

/** Why nothing needing root can run here, or undefined. */
export function rootUnavailableReason(): string | undefined {
  return process.getuid?.() === 0 ? undefined : 'not running as root';
}

/** Why the SSH sandbox cannot run here, or undefined when it can. */
export function sandboxUnavailableReason(): string | undefined {
  const missing = REQUIRED_PROGRAMS.filter((program) => !isExecutable(program));
  if (missing.length > 0) {
    return `missing ${missing.join(', ')} (run test/e2e/sandbox/install-deps.sh as root)`;
  }
  return rootUnavailableReason();
}

/**
 * `describe` when `reason` is undefined, else `describe.skip` with a warning
 * that says why; with SPECTRUM_E2E_REQUIRED=1 a missing prerequisite throws.
 */
export function describeIfAvailable(reason: string | undefined): jest.Describe {
  if (reason === undefined) return describe;
  if (process.env[REQUIRE_E2E_ENV] === '1') {
    throw new Error(`end-to-end prerequisites missing and ${REQUIRE_E2E_ENV}=1: ${reason}`);
  }
  console.warn(`Skipping end-to-end suite: ${reason}`);
  return describe.skip;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
