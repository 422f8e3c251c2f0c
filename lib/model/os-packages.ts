/**
 * OS packages that host preparation installs, and the names it accepts. Pure.
 * docs/host-preparation.md documents the lists and where they come from.
 *
 * Internal (not part of the jsii API).
 */

/**
 * RHEL family (dnf, yum; also used with zypper): the list the public
 * Spectrum_playbooks playbook installs before a silent install, without its
 * `.x86_64` suffixes (the host's own architecture) and without `abrt` (crash
 * reporting, not something Spectrum needs).
 */
export const DEFAULT_RPM_PACKAGES: readonly string[] = [
  'motif', 'motif-devel', 'ksh', 'libnsl', 'elfutils-libelf', 'expat', 'fontconfig', 'freetype', 'glibc', 'libaio',
  'libcanberra-gtk2', 'libgcc', 'libICE', 'libjpeg-turbo', 'libpng', 'libSM', 'libstdc++', 'libuuid', 'libX11', 'libXau',
  'libxcb', 'libxcrypt', 'libxcrypt.i686', 'libXdmcp', 'libXext', 'libXfont2', 'libXft', 'libXi', 'libxkbfile', 'libXmu',
  'libXp', 'libXrender', 'libXt', 'libXtst', 'ncurses', 'ncurses-compat-libs', 'ncurses-libs', 'nss-softokn-freebl',
  'numactl-libs', 'perl-LWP-Protocol-https', 'sssd-client', 'xorg-x11-fonts-misc', 'xorg-x11-server-common',
  'xorg-x11-xkb-utils', 'xterm', 'zlib', 'sudo',
];

/**
 * Debian/Ubuntu family (apt-get). An ASSUMPTION: Broadcom documents RHEL
 * (and SUSE) hosts only; these are the Debian 12 packages that hold the
 * same libraries as the RHEL list's Spectrum-specific entries (Motif, ksh,
 * libnsl, libaio, X11 client libraries, ncurses 5 compatibility, the misc
 * X fonts, Perl's LWP over HTTPS) plus sudo for SRAdmin's sudoers line.
 */
export const DEFAULT_DEB_PACKAGES: readonly string[] = [
  'libxm4', 'ksh', 'libnsl2', 'libaio1', 'libxtst6', 'libxft2', 'libxmu6', 'libxp6', 'libncurses5', 'xfonts-base',
  'liblwp-protocol-https-perl', 'x11-xkb-utils', 'xterm', 'sudo',
];

/**
 * A package name as rpm and dpkg spell them, optionally with an rpm
 * architecture suffix (`libxcrypt.i686`): a letter or digit, then letters,
 * digits, `.`, `_`, `+` and `-`; at most 128 characters. Such a name needs
 * no quoting and never starts with `-` (it cannot be taken for an option).
 */
export function isOsPackageName(text: string): boolean {
  return typeof text === 'string' && /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/.test(text);
}

/** Where SRAdmin is installed unless told otherwise (the playbook's `sradmin_dir`). */
export const DEFAULT_SRADMIN_DIR = '/opt/CA/SRAdmin';
