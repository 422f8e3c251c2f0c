import { PlanStep, SshTarget } from '../plan-step';
import { INCOMING_DIR, savefileBase, SAVEFILE_DIR } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal } from '../shell';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/** Environment variables that carry the peers' private keys into the local transfer script. */
export const TRANSFER_KEY_ENV = { primary: 'SPECTRUM_PRIMARY_SSH_KEY', secondary: 'SPECTRUM_SECONDARY_SSH_KEY' } as const;

/** Declares the script variables describing one peer for `ssh_peer` below. */
function declarePeer(script: StepScript, prefix: 'P' | 'S', target: SshTarget): void {
  const empty = literal('');
  script
    .input(`${prefix}_HOST`, target.host, checks.host)
    .input(`${prefix}_USER`, target.user, checks.sshUser)
    .input(`${prefix}_PORT`, target.port, checks.port)
    .input(`${prefix}_HOST_KEY`, target.hostKey ?? empty, checks.hostKeyOrEmpty)
    .input(`${prefix}_KEY_FILE`, target.privateKeyFile ?? empty, checks.privateKeyFileOrEmpty)
    .input(`${prefix}_BASTION`, target.bastionHost ?? empty, checks.hostOrEmpty)
    .input(`${prefix}_BASTION_USER`, target.bastionUser ?? target.user, checks.sshUser)
    .input(`${prefix}_BASTION_PORT`, target.bastionPort ?? target.port, checks.port)
    .input(`${prefix}_BASTION_HOST_KEY`, target.bastionHostKey ?? empty, checks.hostKeyOrEmpty);
}

/**
 * Step 5 (on the machine that runs Terraform): copy the savefile and its
 * checksum from the primary to the secondary through two SSH sessions,
 * with the same host-key verification and keys as Terraform's connections;
 * the copy is verified on the secondary before it replaces the previous one.
 * Needs bash and OpenSSH's `ssh` where Terraform runs.
 */
export function transferStep(primary: ServerPlanInput, secondary: ServerPlanInput): PlanStep {
  const save = `${SAVEFILE_DIR}/${savefileBase(primary.handle)}.SSdb`;
  const incoming = `${INCOMING_DIR}/${savefileBase(secondary.handle)}.SSdb`;
  const script = new StepScript('transfer')
    .input('P_SPECROOT', primary.install.installDir, checks.path)
    .input('S_SPECROOT', secondary.install.installDir, checks.path)
    .input('SOURCE', literal(save), checks.relativePath)
    .input('TARGET', literal(incoming), checks.relativePath)
    .constant('P_KEY_ENV', TRANSFER_KEY_ENV.primary)
    .constant('S_KEY_ENV', TRANSFER_KEY_ENV.secondary);
  declarePeer(script, 'P', primary.target);
  declarePeer(script, 'S', secondary.target);
  return script.body(String.raw`umask 077
WORK=$(mktemp -d)
trap 'rm -rf -- "$WORK"' EXIT
CONFIG="$WORK/ssh_config"
KNOWN="$WORK/known_hosts"
: > "$CONFIG"; : > "$KNOWN"
known_line() { # host port key
  if [ "$2" = 22 ]; then printf '%s %s\n' "$1" "$3"; else printf '[%s]:%s %s\n' "$1" "$2" "$3"; fi
}
# ssh_peer ALIAS HOST USER PORT HOST_KEY KEY_FILE KEY_ENV BASTION BASTION_USER BASTION_PORT BASTION_HOST_KEY
# writes one Host block (and known_hosts lines) for a peer.
ssh_peer() {
  local alias=$1 host=$2 user=$3 port=$4 hostkey=$5 keyfile=$6 keyenv=$7 bastion=$8 buser=$9
  shift 9
  local bport=$1 bkey=$2
  if [ -n "$(printenv "$keyenv" || true)" ]; then
    printenv "$keyenv" > "$WORK/$alias.key"
    keyfile="$WORK/$alias.key"
  fi
  {
    printf 'Host %s\n  HostName %s\n  Port %s\n  User %s\n  BatchMode yes\n  ConnectTimeout 30\n' "$alias" "$host" "$port" "$user"
    printf '  UserKnownHostsFile %s\n' "$KNOWN"
    if [ -n "$hostkey" ]; then printf '  StrictHostKeyChecking yes\n'; else printf '  StrictHostKeyChecking accept-new\n'; fi
    if [ -n "$keyfile" ]; then printf '  IdentityFile %s\n' "$keyfile"; fi
    if [ -n "$bastion" ]; then printf '  ProxyJump %s@%s:%s\n' "$buser" "$bastion" "$bport"; fi
  } >> "$CONFIG"
  if [ -n "$hostkey" ]; then known_line "$host" "$port" "$hostkey" >> "$KNOWN"; fi
  if [ -n "$bastion" ] && [ -n "$bkey" ]; then known_line "$bastion" "$bport" "$bkey" >> "$KNOWN"; fi
}
ssh_peer spectrum-primary "$P_HOST" "$P_USER" "$P_PORT" "$P_HOST_KEY" "$P_KEY_FILE" "$P_KEY_ENV" "$P_BASTION" "$P_BASTION_USER" "$P_BASTION_PORT" "$P_BASTION_HOST_KEY"
ssh_peer spectrum-secondary "$S_HOST" "$S_USER" "$S_PORT" "$S_HOST_KEY" "$S_KEY_FILE" "$S_KEY_ENV" "$S_BASTION" "$S_BASTION_USER" "$S_BASTION_PORT" "$S_BASTION_HOST_KEY"
on_primary() { ssh -F "$CONFIG" spectrum-primary "$@"; }
on_secondary() { ssh -F "$CONFIG" spectrum-secondary "$@"; }
q() { printf '%q' "$1"; }
SRC="$P_SPECROOT/SS/$SOURCE"
DST="$S_SPECROOT/SS/$TARGET"
on_primary "cat -- $(q "$SRC")" > "$WORK/seed.SSdb" || die "could not read $SRC from the primary $P_HOST (has the savefile step run?)"
on_primary "cat -- $(q "$SRC.sha256")" > "$WORK/seed.SSdb.sha256" || die "could not read $SRC.sha256 from the primary $P_HOST"
[ "$(sha256sum < "$WORK/seed.SSdb" | cut -d' ' -f1)" = "$(cat "$WORK/seed.SSdb.sha256")" ] || die "the savefile read from $P_HOST does not match its checksum; run the savefile step again"
EXPECTED=$(cat "$WORK/seed.SSdb.sha256")
on_secondary "mkdir -p -- $(q "$(dirname "$DST")") && cat > $(q "$DST.partial")" < "$WORK/seed.SSdb" || die "could not write $DST.partial on the secondary $S_HOST"
# Verify what arrived before it takes the place of the previous copy: a
# savefile corrupted in transit never reaches SSdbload, and this step fails
# (so the next deploy retries it) with the secondary's database untouched.
ARRIVED=$(on_secondary "sha256sum < $(q "$DST.partial") | cut -d' ' -f1") || die "could not checksum $DST.partial on $S_HOST"
if [ "$ARRIVED" != "$EXPECTED" ]; then
  on_secondary "rm -f -- $(q "$DST.partial")" || true
  die "the savefile arrived corrupted on the secondary $S_HOST (sha256 $ARRIVED, expected $EXPECTED): it was not loaded and the secondary's database is unchanged; deploy again to retry the transfer"
fi
on_secondary "printf '%s\\n' $(q "$EXPECTED") > $(q "$DST.sha256.partial") && mv -f -- $(q "$DST.partial") $(q "$DST") && mv -f -- $(q "$DST.sha256.partial") $(q "$DST.sha256")" || die "could not put the savefile in place on $S_HOST"
printf 'cdktf-spectrum transfer: copied %s from %s to %s:%s (%s bytes)\n' "$SOURCE" "$P_HOST" "$S_HOST" "$DST" "$(wc -c < "$WORK/seed.SSdb")"`)
    .local(secondary.target, { primary: primary.target, secondary: secondary.target });
}
