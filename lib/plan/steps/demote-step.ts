import { bashText } from '../bash-text';
import { PlanStep } from '../plan-step';
import { ROLE_RECORD } from '../role-record';
import { ServerPlanInput } from '../server-plan-input';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';
import { REGISTERED_SECONDARIES } from './deregister-step';

/**
 * Promotion, first step (on every secondary of the code, after its vnmrc
 * step, before the primary's promote step): when this host was the
 * landscape's primary (its role record says so), stop it: KB 49550 starts a
 * promotion by stopping the primary, so that it never runs as a primary next
 * to the new one. The record then says `demoted`, and no other step starts
 * the server while it does (`ss_demoted` in the script prelude): the
 * secondary's load step re-seeds it from the new primary and starts it as a
 * secondary. On any other host it does nothing (no restart), so it costs
 * nothing when no roles change.
 *
 * Its inputs are the host and the installation only: a precedence change of
 * a secondary is a reload (the load step), not a demotion.
 */
export function demoteStep(secondary: ServerPlanInput): PlanStep {
  return new StepScript('demote')
    .input('SPECROOT', secondary.install.installDir, checks.path)
    .input('OWNER', secondary.install.owner, checks.owner)
    .constant('ROLE_RECORD', ROLE_RECORD)
    .constant('REGISTERED', REGISTERED_SECONDARIES)
    .body(bashText(String.raw`require_specroot
cd "$SPECROOT/SS"
role='' precedence=''
if [ -f "$ROLE_RECORD" ]; then read -r role precedence < "$ROLE_RECORD" || true; fi
if [ "$role" != primary ]; then
  note "this SpectroSERVER was not the primary (role record: $\{role:-none}); nothing to do"
  exit 0
fi
# demote_server: stop, forget the registered secondaries, record demoted;
# run by critical (script prelude): it holds the lock that the vnmrc step and
# the installers take before they decide whether to start this server
# (ss_demoted), so none of them can start it between the stop and the record;
# and a hang-up cannot end it between the two.
demote_server() {
  note "this SpectroSERVER was the primary (precedence $precedence) and is a secondary in the code: stopping it before the new primary takes over (KB 49550); the load step re-seeds it from the new primary and starts it"
  ss_stop || die "stopSS.pl failed; the former primary still runs, so the promotion stops here (nothing else changed)"
  # Its record of registered secondaries belongs to the new primary now.
  rm -f -- "$REGISTERED"
  printf 'demoted %s\n' "$precedence" > "$ROLE_RECORD.new" && mv -f -- "$ROLE_RECORD.new" "$ROLE_RECORD"
  note "stopped; role record: demoted $precedence"
}
critical demote_server || die "the demotion did not complete; see the lines above"`))
    .remote(secondary.target);
}
