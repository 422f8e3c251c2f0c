import { PlanStep } from '../plan-step';
import { ServerPlanInput } from '../server-plan-input';
import { StepScript } from '../step-script';
import { checks } from '../value-checks';

/**
 * The `webserver` step of a OneClick server installed from media: starts
 * OneClick's web server (`$SPECROOT/webtomcat/bin/startWebTomcat.sh`, as the
 * public Spectrum_playbooks playbook does after the install), as the install
 * owner. Its trigger chains to the OneClick install and to the install (and
 * upgrade) steps of every primary it serves, so it runs again, once, after
 * the primaries of a distributed landscape were upgraded: KB 192703 asks to
 * restart OneClick's Tomcat then. Running again means stop, then start.
 */
export function webServerStep(server: ServerPlanInput): PlanStep | undefined {
  const { install } = server;
  if (!install.mediaPath) return undefined;
  return new StepScript('webserver')
    .input('SPECROOT', install.installDir, checks.path)
    .input('OWNER', install.owner, checks.owner)
    .body(String.raw`WEBTOMCAT="$SPECROOT/webtomcat/bin"
[ -x "$WEBTOMCAT/startWebTomcat.sh" ] || die "OneClick is not installed in $SPECROOT (no webtomcat/bin/startWebTomcat.sh)"
if [ -x "$WEBTOMCAT/stopWebTomcat.sh" ]; then
  # A web server that is not running may refuse to stop: start it anyway.
  as_owner "$WEBTOMCAT/stopWebTomcat.sh" || note "stopWebTomcat.sh failed (exit $?); starting the web server anyway"
fi
as_owner "$WEBTOMCAT/startWebTomcat.sh" || die "startWebTomcat.sh failed (exit $?); its output is above"
note "OneClick's web server started"`)
    .remote(server.target);
}
