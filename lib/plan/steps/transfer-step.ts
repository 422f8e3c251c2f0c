import { bashText } from '../bash-text';
import { PlanStep, SshTarget } from '../plan-step';
import { INCOMING_DIR, savefileBase, SAVEFILE_DIR } from '../savefile-paths';
import { ServerPlanInput } from '../server-plan-input';
import { literal } from '../shell';
import { StepScript } from '../step-script';
import { TRANSFER_HOST_ALIASES, TRANSFER_SSH_SETUP } from '../transfer-ssh-config';
import { checks } from '../value-checks';

const yesNo = (flag: boolean) => literal(flag ? 'yes' : 'no');

/**
 * Declares the script variables describing one peer for the ssh_config
 * (lib/plan/transfer-ssh-config.ts). Only the host is a trigger input: the
 * rest says how to reach it, like Terraform's `connection` block. Key
 * content is never among them: the transfer uses the key file or the agent
 * (SPX157 refuses key content only, and so does the script).
 */
function declarePeer(script: StepScript, prefix: 'P' | 'S', target: SshTarget): void {
  const empty = literal('');
  const keyContentOnly = target.privateKey !== undefined && target.privateKeyFile === undefined && !target.agent;
  script
    .input(`${prefix}_HOST`, target.host, checks.host)
    .setting(`${prefix}_USER`, target.user, checks.sshUser)
    .setting(`${prefix}_PORT`, target.port, checks.port)
    .setting(`${prefix}_HOST_KEY`, target.hostKey ?? empty, checks.hostKeyOrEmpty)
    .setting(`${prefix}_KEY_FILE`, target.privateKeyFile ?? empty, checks.privateKeyFileOrEmpty)
    .setting(`${prefix}_AGENT`, yesNo(target.agent), checks.yesNo)
    .setting(`${prefix}_KEY_CONTENT_ONLY`, yesNo(keyContentOnly), checks.yesNo)
    .setting(`${prefix}_BASTION`, target.bastionHost ?? empty, checks.hostOrEmpty)
    .setting(`${prefix}_BASTION_USER`, target.bastionUser ?? target.user, checks.sshUser)
    .setting(`${prefix}_BASTION_PORT`, target.bastionPort ?? target.port, checks.port)
    .setting(`${prefix}_BASTION_HOST_KEY`, target.bastionHostKey ?? empty, checks.hostKeyOrEmpty);
}

/**
 * What the secondary runs, as `sh -c` with the savefile's path and its
 * checksum as $1 and $2 (a constant: no value is pasted into it): store what
 * arrives on stdin beside the savefile, check it, and only then put it in
 * place, its checksum file last. Exit 70: could not store it; 71: could not
 * checksum it; 72: it arrived corrupted (removed; its checksum printed);
 * 73: could not put it in place. Prints the size on success. `$0` is
 * `receive-savefile`, a name the e2e fault injection looks for.
 */
const RECEIVE_SAVEFILE = 'dst=$1 expected=$2; mkdir -p -- "${dst%/*}" && cat > "$dst.partial" || exit 70; '
  + 'sum=$(sha256sum < "$dst.partial" | cut -d" " -f1) && bytes=$(wc -c < "$dst.partial") || exit 71; '
  + 'if [ "$sum" != "$expected" ]; then rm -f -- "$dst.partial"; echo "$sum"; exit 72; fi; '
  + 'echo "$expected" > "$dst.sha256.partial" && mv -f -- "$dst.partial" "$dst" && mv -f -- "$dst.sha256.partial" "$dst.sha256" || exit 73; '
  + 'echo "$bytes"';

/**
 * The copy itself, after TRANSFER_SSH_SETUP: one SSH session on each side
 * (every session is a handshake, through the bastion too): the primary
 * sends the savefile's checksum line, then the savefile, streamed into the
 * secondary's session, which verifies it before it replaces the previous copy.
 */
const TRANSFER_COPY = bashText(String.raw`on_primary() { ssh -F "$CONFIG" ${TRANSFER_HOST_ALIASES.primary} "$@"; }
on_secondary() { ssh -F "$CONFIG" ${TRANSFER_HOST_ALIASES.secondary} "$@"; }
# Quoted for the remote shell; the paths are safe paths already (validated above),
# and RECEIVE_SAVEFILE holds no single quote.
rq() { printf "'%s'" "$1"; }
RECEIVE_SAVEFILE=${"'"}${RECEIVE_SAVEFILE}${"'"}
SRC="$P_SPECROOT/SS/$SOURCE"
DST="$S_SPECROOT/SS/$TARGET"
# Reads the checksum line (bash reads a pipe one byte at a time, so the
# savefile's bytes stay in the pipe for the secondary's session), then hands
# the rest of the stream to the secondary. Exit 3: no checksum line; 4: not
# a checksum; else the secondary's status.
receive() {
  local expected
  IFS= read -r expected || exit 3
  [[ $expected =~ ^[0-9a-f]{64}$ ]] || exit 4
  printf '%s\n' "$expected" > "$WORK/expected"
  on_secondary "sh -c $(rq "$RECEIVE_SAVEFILE") receive-savefile $(rq "$DST") $(rq "$expected")" > "$WORK/received"
}
# Streamed from one ssh session to the other: the savefile is never stored
# on this machine, so an interrupted transfer leaves no copy here.
set +e
on_primary "cat -- $(rq "$SRC.sha256") && cat -- $(rq "$SRC")" | receive
COPY_STATUS="$(printf '%s ' "$\{PIPESTATUS[@]}")"
set -e
read -r READ_STATUS RECEIVE_STATUS <<<"$COPY_STATUS"
EXPECTED=$(cat -- "$WORK/expected" 2>/dev/null || true)
RECEIVED=$(cat -- "$WORK/received" 2>/dev/null || true)
case $RECEIVE_STATUS in
  0) ;;
  3) die "could not read $SRC.sha256 from the primary $P_HOST (ssh exit status $READ_STATUS; has the savefile step run?); the secondary's previous copy is unchanged" ;;
  4) die "$SRC.sha256 on the primary $P_HOST holds no SHA-256 checksum; run the savefile step again" ;;
  *) [ "$READ_STATUS" = 0 ] || die "could not read $SRC from the primary $P_HOST (ssh exit status $READ_STATUS); the secondary's previous copy is unchanged" ;;
esac
# Verified before it took the place of the previous copy: a savefile
# corrupted in transit never reaches SSdbload, and this step fails (so the
# next deploy retries it) with the secondary's database untouched.
case $RECEIVE_STATUS in
  0) ;;
  72) die "the savefile arrived corrupted on the secondary $S_HOST (sha256 $RECEIVED, expected $EXPECTED): it was not loaded and the secondary's database is unchanged; deploy again to retry the transfer" ;;
  71) die "could not checksum $DST.partial on $S_HOST" ;;
  73) die "could not put the savefile in place on $S_HOST" ;;
  *) die "could not write $DST.partial on the secondary $S_HOST (ssh exit status $RECEIVE_STATUS); the secondary's previous copy is unchanged" ;;
esac
note "copied $SOURCE from $P_HOST to $S_HOST:$DST ($RECEIVED bytes)"`);

/**
 * Step 5 (on the machine that runs Terraform): stream the savefile from the
 * primary to the secondary through two SSH sessions that authenticate with
 * the user's key file or SSH agent and verify hosts as Terraform's
 * connections do (docs/transfer.md); the copy is verified on the secondary
 * before it replaces the previous one. Needs bash and OpenSSH's `ssh` where
 * Terraform runs; leaves nothing there.
 */
export function transferStep(primary: ServerPlanInput, secondary: ServerPlanInput): PlanStep {
  const save = `${SAVEFILE_DIR}/${savefileBase(primary.handle)}.SSdb`;
  const incoming = `${INCOMING_DIR}/${savefileBase(secondary.handle)}.SSdb`;
  // The handle reaches the script as the savefile paths that use it.
  const script = new StepScript('transfer')
    .input('P_SPECROOT', primary.install.installDir, checks.path)
    .input('S_SPECROOT', secondary.install.installDir, checks.path)
    .input('SOURCE', literal(save), checks.relativePath)
    .input('TARGET', literal(incoming), checks.relativePath);
  declarePeer(script, 'P', primary.target);
  declarePeer(script, 'S', secondary.target);
  return script
    .body(TRANSFER_SSH_SETUP)
    .body(TRANSFER_COPY)
    .local(secondary.target, { primary: primary.target, secondary: secondary.target });
}
