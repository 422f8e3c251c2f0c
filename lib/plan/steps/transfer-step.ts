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

/** The copy itself, after TRANSFER_SSH_SETUP: streamed, verified on the secondary, then put in place. */
const TRANSFER_COPY = bashText(String.raw`on_primary() { ssh -F "$CONFIG" ${TRANSFER_HOST_ALIASES.primary} "$@"; }
on_secondary() { ssh -F "$CONFIG" ${TRANSFER_HOST_ALIASES.secondary} "$@"; }
# Quoted for the remote shell; the paths are safe paths already (validated above).
rq() { printf "'%s'" "$1"; }
SRC="$P_SPECROOT/SS/$SOURCE"
DST="$S_SPECROOT/SS/$TARGET"
EXPECTED=$(on_primary "cat -- $(rq "$SRC.sha256")") || die "could not read $SRC.sha256 from the primary $P_HOST (has the savefile step run?)"
[[ $EXPECTED =~ ^[0-9a-f]{64}$ ]] || die "$SRC.sha256 on the primary $P_HOST holds no SHA-256 checksum; run the savefile step again"
# Streamed from one ssh session to the other: the savefile is never stored
# on this machine, so an interrupted transfer leaves no copy here.
set +e
on_primary "cat -- $(rq "$SRC")" | on_secondary "mkdir -p -- $(rq "$(dirname "$DST")") && cat > $(rq "$DST.partial")"
COPY_STATUS="$(printf '%s ' "$\{PIPESTATUS[@]}")"
set -e
read -r READ_STATUS WRITE_STATUS <<<"$COPY_STATUS"
[ "$READ_STATUS" = 0 ] || die "could not read $SRC from the primary $P_HOST (ssh exit status $READ_STATUS); the secondary's previous copy is unchanged"
[ "$WRITE_STATUS" = 0 ] || die "could not write $DST.partial on the secondary $S_HOST (ssh exit status $WRITE_STATUS); the secondary's previous copy is unchanged"
# Verify what arrived before it takes the place of the previous copy: a
# savefile corrupted in transit never reaches SSdbload, and this step fails
# (so the next deploy retries it) with the secondary's database untouched.
ARRIVED=$(on_secondary "sha256sum < $(rq "$DST.partial") | cut -d' ' -f1 && wc -c < $(rq "$DST.partial")") || die "could not checksum $DST.partial on $S_HOST"
{ read -r ARRIVED_SHA; read -r ARRIVED_BYTES; } <<<"$ARRIVED"
if [ "$ARRIVED_SHA" != "$EXPECTED" ]; then
  on_secondary "rm -f -- $(rq "$DST.partial")" || true
  die "the savefile arrived corrupted on the secondary $S_HOST (sha256 $ARRIVED_SHA, expected $EXPECTED): it was not loaded and the secondary's database is unchanged; deploy again to retry the transfer"
fi
on_secondary "printf '%s\\n' $(rq "$EXPECTED") > $(rq "$DST.sha256.partial") && mv -f -- $(rq "$DST.partial") $(rq "$DST") && mv -f -- $(rq "$DST.sha256.partial") $(rq "$DST.sha256")" || die "could not put the savefile in place on $S_HOST"
note "copied $SOURCE from $P_HOST to $S_HOST:$DST ($ARRIVED_BYTES bytes)"`);

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
