import { DEFAULT_DEB_PACKAGES, DEFAULT_RPM_PACKAGES, DEFAULT_SRADMIN_DIR } from '../../model/os-packages';
import { bashText } from '../bash-text';
import { PlanStep } from '../plan-step';
import { ServerPlanInput } from '../server-plan-input';
import { literal, safeName } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * The opt-in `prepare` step (install.prepareHost), before `install`: what the
 * public Spectrum_playbooks playbook does to a bare host, made idempotent
 * (docs/host-preparation.md):
 * 1. OS packages: each checked with rpm/dpkg first; only the missing ones
 *    go to the package manager (dnf, yum, zypper or apt-get), so a prepared
 *    host runs no package manager;
 * 2. the install owner, created when missing with the installer's password,
 *    set by `chpasswd` from stdin (never an argument of any process);
 * 3. the sudoers line `<owner> ALL=<sradminDir>/sradmin.exe` as a drop-in
 *    checked by `visudo -c` before it is put in place;
 * 4. SRAdmin from the media (`sdic/linux/sradmin.exe` into sradminDir,
 *    `sdic/linux/sradmin.rc2` as /etc/init.d/sradmin with SRADHOME set,
 *    `<sradminDir>/sudoers` linked to /etc/sudoers), enabled and started,
 *    unless the `processd` service is there.
 * It never touches SELinux or a firewall. `SYSTEM_ROOT` is empty: tests
 * point it at a scratch directory.
 */
export function prepareStep(server: ServerPlanInput): PlanStep | undefined {
  const { install } = server;
  if (!install.prepareHost || !install.mediaPath) return undefined;
  const stage = `/tmp/cdktf-spectrum-prepare-${safeName(server.path)}`;
  const packages = (defaults: readonly string[]) => (install.osPackages ?? defaults.map(name => literal(name)));
  return new StepScript('prepare')
    .input('OWNER', install.owner, checks.owner)
    .input('MEDIA', install.mediaPath, checks.path)
    .input('SRADMIN_DIR', install.sradminDir ?? literal(DEFAULT_SRADMIN_DIR), checks.path)
    .lines('RPM_PACKAGES', packages(DEFAULT_RPM_PACKAGES), checks.osPackage)
    .lines('DEB_PACKAGES', packages(DEFAULT_DEB_PACKAGES), checks.osPackage)
    .constant('STAGE', stage)
    .constant('SYSTEM_ROOT', '')
    .body(PREPARE_BODY)
    .remote(server.target, { secret: install.ownerPassword, stage });
}

const PREPARE_BODY = bashText(String.raw`SUDOERS_TEMP='' INIT_TEMP=''
trap 'rm -rf -- "$STAGE"; rm -f -- "$SUDOERS_TEMP" "$INIT_TEMP"' EXIT
CHANGES=0
changed() { CHANGES=$((CHANGES + 1)); note "changed: $*"; }

# --- 1. OS packages ----------------------------------------------------------
PM=''
for candidate in dnf yum zypper apt-get; do
  if command -v "$candidate" >/dev/null 2>&1; then PM=$candidate; break; fi
done
case $PM in
  '') die "no package manager found (dnf, yum, zypper or apt-get); install the OS packages by hand or leave install.prepareHost unset" ;;
  apt-get) FAMILY=deb PACKAGES=$DEB_PACKAGES ;;
  *) FAMILY=rpm PACKAGES=$RPM_PACKAGES ;;
esac
# Package names are validated (is_os_package): none starts with '-'.
is_installed() {
  if [ "$FAMILY" = rpm ]; then rpm -q --quiet "$1" 2>/dev/null
  else dpkg -s "$1" 2>/dev/null | grep -qx 'Status: install ok installed'; fi
}
MISSING=()
while IFS= read -r package; do
  [ -n "$package" ] || continue
  is_installed "$package" || MISSING+=("$package")
done <<<"$PACKAGES"
if [ "$\{#MISSING[@]}" -eq 0 ]; then
  note "OS packages: all present ($FAMILY); no package manager run"
else
  note "OS packages: installing $\{MISSING[*]} with $PM"
  case $PM in
    dnf | yum) "$PM" install -y "$\{MISSING[@]}" ;;
    zypper) zypper --non-interactive install "$\{MISSING[@]}" ;;
    apt-get)
      DEBIAN_FRONTEND=noninteractive apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$\{MISSING[@]}"
      ;;
  esac
  for package in "$\{MISSING[@]}"; do
    is_installed "$package" || die "OS package $package is not installed after $PM ran; its output is above"
  done
  changed "installed OS packages $\{MISSING[*]}"
fi

# --- 2. The install owner ------------------------------------------------------
if id -u "$OWNER" >/dev/null 2>&1; then
  note "install owner $OWNER exists; left as it is (its password is not changed)"
else
  [ -s "$STAGE/secret" ] || die "install owner $OWNER does not exist and no password was staged in $STAGE; set install.ownerPassword"
  [ "$(wc -l <"$STAGE/secret")" -eq 0 ] || die "the owner password holds a line break; chpasswd cannot set it"
  useradd --create-home --shell /bin/bash --comment 'Spectrum owner' "$OWNER"
  # chpasswd reads '<user>:<password>' on stdin: printf is a shell builtin and
  # cat reads the file, so the password is never an argument of any process.
  if ! { printf '%s:' "$OWNER"; cat -- "$STAGE/secret"; printf '\n'; } | chpasswd; then
    userdel "$OWNER" || true
    die "chpasswd could not set the password of $OWNER; the user was removed again"
  fi
  changed "created the install owner $OWNER"
fi
rm -f -- "$STAGE/secret"

# --- 3. sudoers: the owner may run sradmin.exe (the playbook's line) ----------
SUDOERS_DIR="$SYSTEM_ROOT/etc/sudoers.d"
SUDOERS_LINE="$OWNER ALL=$SRADMIN_DIR/sradmin.exe"
command -v visudo >/dev/null 2>&1 || die "sudo is not installed (no visudo); keep sudo in install.osPackages"
grep -Eq '^[@#]includedir[[:space:]]+/etc/sudoers\.d[[:space:]]*$' "$SYSTEM_ROOT/etc/sudoers" ||
  die "/etc/sudoers does not include /etc/sudoers.d; add the line '@includedir /etc/sudoers.d' (visudo)"
mkdir -p -- "$SUDOERS_DIR"
# sudo skips files whose name holds a '.': the temporary file is inert.
SUDOERS_TEMP=$(mktemp "$SUDOERS_DIR/.cdktf-spectrum.XXXXXX")
printf '# cdktf-spectrum host preparation: SRAdmin runs sradmin.exe for the install owner\n%s\n' "$SUDOERS_LINE" >"$SUDOERS_TEMP"
chmod 0440 "$SUDOERS_TEMP"
visudo -c -q -f "$SUDOERS_TEMP" >/dev/null || die "visudo rejects the sudoers line '$SUDOERS_LINE'"
if replace_file "$SUDOERS_DIR/cdktf-spectrum-$OWNER" "$SUDOERS_TEMP"; then changed "sudoers: $SUDOERS_LINE"; fi
SUDOERS_TEMP=''

# --- 4. SRAdmin ----------------------------------------------------------------
processd_present() {
  local dir
  [ -e "$SYSTEM_ROOT/etc/init.d/processd" ] && return 0
  for dir in /etc/systemd/system /usr/lib/systemd/system /lib/systemd/system; do
    [ -e "$SYSTEM_ROOT$dir/processd.service" ] && return 0
  done
  return 1
}
sradmin_enabled() {
  if compgen -G "$SYSTEM_ROOT/etc/rc3.d/S*sradmin" >/dev/null || compgen -G "$SYSTEM_ROOT/etc/rc.d/rc3.d/S*sradmin" >/dev/null; then
    return 0
  fi
  [ -z "$SYSTEM_ROOT" ] && [ -d /run/systemd/system ] && systemctl is-enabled --quiet sradmin 2>/dev/null
}
enable_sradmin() {
  if command -v chkconfig >/dev/null 2>&1; then chkconfig --add sradmin
  elif command -v update-rc.d >/dev/null 2>&1; then update-rc.d sradmin defaults
  elif command -v systemctl >/dev/null 2>&1; then systemctl enable sradmin
  else die "cannot enable the sradmin service: no chkconfig, update-rc.d or systemctl"; fi
}
sradmin_service() {
  if command -v service >/dev/null 2>&1; then service sradmin "$1"; else "$INIT" "$1"; fi
}
INIT="$SYSTEM_ROOT/etc/init.d/sradmin"
if processd_present; then
  note "the processd service is there: SRAdmin is not installed (as the playbook does)"
else
  EXE_SOURCE="$MEDIA/sdic/linux/sradmin.exe"
  RC_SOURCE="$MEDIA/sdic/linux/sradmin.rc2"
  [ -f "$EXE_SOURCE" ] || die "no SRAdmin on the media: $EXE_SOURCE is missing; check install.mediaPath"
  [ -f "$RC_SOURCE" ] || die "no SRAdmin init script on the media: $RC_SOURCE is missing; check install.mediaPath"
  grep -q '^SRADHOME=' "$RC_SOURCE" || die "$RC_SOURCE has no SRADHOME= line to point at $SRADMIN_DIR"
  STAMP=$(date -u +%Y%m%dT%H%M%SZ)
  NEW_FILES=no
  mkdir -p -- "$SRADMIN_DIR"
  # The playbook links sudoers into SRAdmin's directory, where SRAdmin reads it.
  if [ "$(readlink -- "$SRADMIN_DIR/sudoers" || true)" != "$SYSTEM_ROOT/etc/sudoers" ]; then
    ln -sfn -- "$SYSTEM_ROOT/etc/sudoers" "$SRADMIN_DIR/sudoers"
    changed "linked $SRADMIN_DIR/sudoers to /etc/sudoers"
  fi
  if ! cmp -s -- "$EXE_SOURCE" "$SRADMIN_DIR/sradmin.exe"; then
    if [ -f "$SRADMIN_DIR/sradmin.exe" ]; then cp -p -- "$SRADMIN_DIR/sradmin.exe" "$SRADMIN_DIR/sradmin.exe.cdktf-spectrum-$STAMP.bak"; fi
    install -m 0744 -- "$EXE_SOURCE" "$SRADMIN_DIR/.sradmin.exe.new"
    mv -f -- "$SRADMIN_DIR/.sradmin.exe.new" "$SRADMIN_DIR/sradmin.exe"
    NEW_FILES=yes
    changed "installed $SRADMIN_DIR/sradmin.exe from the media"
  fi
  # The init script: the media's, with its SRADHOME line set (as the playbook does).
  mkdir -p -- "$SYSTEM_ROOT/etc/init.d"
  INIT_TEMP=$(mktemp "$SYSTEM_ROOT/etc/init.d/.sradmin.XXXXXX")
  awk -v line="SRADHOME=$SRADMIN_DIR" '/^SRADHOME=/ { print line; next } { print }' "$RC_SOURCE" >"$INIT_TEMP"
  chmod 0500 "$INIT_TEMP"
  if [ -f "$INIT" ] && cmp -s -- "$INIT_TEMP" "$INIT"; then
    rm -f -- "$INIT_TEMP"
  else
    # The old script is kept beside SRAdmin, not in init.d (a second script there would provide the same service).
    if [ -f "$INIT" ]; then cp -p -- "$INIT" "$SRADMIN_DIR/sradmin.rc.cdktf-spectrum-$STAMP.bak"; fi
    mv -f -- "$INIT_TEMP" "$INIT"
    NEW_FILES=yes
    changed "installed $INIT (SRADHOME=$SRADMIN_DIR)"
  fi
  INIT_TEMP=''
  if ! sradmin_enabled; then
    enable_sradmin
    changed "enabled the sradmin service"
  fi
  if "$INIT" status >/dev/null 2>&1; then
    if [ "$NEW_FILES" = yes ]; then
      sradmin_service restart
      changed "restarted SRAdmin to run the new files"
    fi
  else
    sradmin_service start
    "$INIT" status >/dev/null 2>&1 || die "SRAdmin does not run after '$INIT start'; see its output above"
    changed "started SRAdmin"
  fi
  "$INIT" status >/dev/null 2>&1 || die "SRAdmin does not run ('$INIT status' fails)"
fi

if [ "$CHANGES" -eq 0 ]; then
  note "the host is already prepared; nothing changed"
else
  note "host prepared: $CHANGES change(s)"
fi`);
