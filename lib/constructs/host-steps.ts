import { Construct } from 'constructs';
import { ITerraformDependable, Lazy, TerraformResource, TerraformStack } from './cdktf-bridge';
import { emitStep } from './step-emitter';
import { PlanResource } from '../model/plan-resource';
import { ServerPlanInput } from '../plan/server-plan-input';
import { prepareStep } from '../plan/steps/prepare-step';
import { webServerStep } from '../plan/steps/webserver-step';

/**
 * The `prepare` step of a server (install.prepareHost with media), emitted
 * before its install: returns what the install waits for, i.e. the prepare
 * step when there is one, else `after` unchanged.
 */
export function emitPrepareStep(scope: Construct, input: ServerPlanInput, resource: PlanResource,
  after: readonly ITerraformDependable[]): readonly ITerraformDependable[] {
  const step = prepareStep(input);
  if (!step) return after;
  return [emitStep(scope, step, { resource, after })];
}

/**
 * The steps that install or upgrade a SpectroSERVER's release: OneClick's
 * web server restarts after those of every primary it serves (KB 192703).
 * An `upgrade` step (rolling upgrades) counts when there is one.
 */
export function releaseStepsOf(steps: { readonly [kind: string]: TerraformResource | undefined }): TerraformResource[] {
  return ['install', 'upgrade'].map(kind => steps[kind]).filter((step): step is TerraformResource => step !== undefined);
}

/**
 * The `webserver` step of a OneClick server: after its own install (and
 * upgrade) steps, `oneClick`, and after the release steps of the primaries
 * it serves, `primaries`; both read at synth time (landscapes may be added
 * after the OneClick server). All their ids go into its trigger, so the web
 * server restarts once when any of them runs again (an upgrade). Primaries
 * in other stacks are left out: Terraform cannot order or reference across
 * stacks. It also waits (ordering only) for `mainLocationPromote`, the
 * promote step of the main location server's primary: the web server it
 * starts reads the main location server from `.locrc`, which it writes
 * (docs/promotion.md), so a promotion is done before OneClick turns to it.
 */
export function emitWebServerStep(scope: Construct, input: ServerPlanInput, resource: PlanResource,
  oneClick: () => readonly (TerraformResource | undefined)[], primaries: () => readonly TerraformResource[],
  mainLocationPromote: () => TerraformResource | undefined = () => undefined, manageMainLocation = true): TerraformResource | undefined {
  const step = webServerStep(input, manageMainLocation);
  if (!step) return undefined;
  // depends_on and the chained ids are written lazily below: an override
  // cannot extend a depends_on list that emitStep already wrote.
  const webserver = emitStep(scope, step, { resource, after: [] });
  const stack = TerraformStack.of(scope);
  const own = () => oneClick().filter((s): s is TerraformResource => s !== undefined);
  const sameStack = () => primaries().filter(p => TerraformStack.of(p) === stack);
  const triggers = resource === PlanResource.TERRAFORM_DATA ? 'triggers_replace' : 'triggers';
  const ids = (steps: readonly TerraformResource[]) => steps.map(p => p.getStringAttribute('id')).join(',');
  webserver.addOverride(`${triggers}.after_oneclick`, Lazy.stringValue({ produce: () => ids(own()) }));
  webserver.addOverride(`${triggers}.after_primaries`, Lazy.stringValue({ produce: () => ids(sameStack()) }));
  const promote = () => [mainLocationPromote()].filter((p): p is TerraformResource => p !== undefined && TerraformStack.of(p) === stack);
  webserver.addOverride('depends_on', Lazy.listValue({
    produce: () => [...new Set([...own(), ...sameStack(), ...promote()])].map(r => `${r.terraformResourceType}.${r.friendlyUniqueId}`),
  }));
  return webserver;
}
