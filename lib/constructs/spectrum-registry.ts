import { IConstruct } from 'constructs';
import { Annotations, Aspects, DefaultTokenResolver, IAspect, StringConcat, TerraformStack, Token, Tokenization } from './cdktf-bridge';
import { Finding, formatFinding, formatFindingAt } from '../model/finding';
import { DistributedNode, LandscapeNode, OneClickNode, Topology } from '../model/topology';
import { reportedByStackPolicy } from '../policy/stack-policies';
import { runRules } from '../rules/catalogue';

/** A construct that contributes to the topology and reports the findings about the paths it claims. */
export interface TopologyMember extends IConstruct {
  /** Construct paths whose findings this member reports (its own and its servers'). */
  _claimedPaths(): readonly string[];
}
export interface LandscapeMember extends TopologyMember { _toLandscapeNode(): LandscapeNode }
export interface DistributedMember extends TopologyMember { _toDistributedNode(): DistributedNode }
export interface OneClickMember extends TopologyMember { _toOneClickNode(): OneClickNode }

interface Analysis {
  readonly topology: Topology;
  /** Every error of the app, one line each with rule id and construct path. */
  readonly errorLines: readonly string[];
  readonly findingsByPath: ReadonlyMap<string, readonly Finding[]>;
  readonly findings: readonly Finding[];
}

const registries = new WeakMap<IConstruct, SpectrumRegistry>();

/**
 * Every Spectrum construct of one app registers here, so that rules see the
 * whole app (handles are unique across stacks); errors are reported together
 * by each stack's validation, warnings and notes on the constructs they are
 * about. The analysis runs once per synth (memoized until a
 * construct is added), so validation stays linear in the number of
 * landscapes.
 */
export class SpectrumRegistry {
  /** The registry of the app (the construct tree's root) `scope` belongs to. */
  public static of(scope: IConstruct): SpectrumRegistry {
    const root = scope.node.root;
    let registry = registries.get(root);
    if (!registry) {
      registry = new SpectrumRegistry();
      registries.set(root, registry);
    }
    return registry;
  }

  private readonly landscapes: LandscapeMember[] = [];
  private readonly distributed: DistributedMember[] = [];
  private readonly oneClicks: OneClickMember[] = [];
  private readonly members = new Set<IConstruct>();
  private readonly stacks = new Set<TerraformStack>();
  private readonly annotated = new Set<string>();
  private version = 0;
  private cached?: { version: number; analysis: Analysis };

  private constructor() {}

  public addLandscape(member: LandscapeMember): void {
    this.landscapes.push(member);
    this.register(member);
  }

  public addDistributed(member: DistributedMember): void {
    this.distributed.push(member);
    this.register(member);
  }

  public addOneClick(member: OneClickMember): void {
    this.oneClicks.push(member);
    this.register(member);
  }

  /** Call when a member's shape changes after registration (e.g. a new secondary). */
  public changed(): void {
    this.version++;
  }

  /** The whole app's topology and findings, computed once per version. */
  public analysis(): Analysis {
    if (this.cached?.version === this.version) return this.cached.analysis;
    const topology: Topology = {
      landscapes: this.landscapes.map(m => m._toLandscapeNode()),
      distributed: this.distributed.map(m => m._toDistributedNode()),
      oneClicks: this.oneClicks.map(m => m._toOneClickNode()),
    };
    const findings = runRules(topology);
    const findingsByPath = new Map<string, Finding[]>();
    for (const finding of findings) {
      const list = findingsByPath.get(finding.path);
      if (list) list.push(finding); else findingsByPath.set(finding.path, [finding]);
    }
    const errorLines = findings.filter(f => f.severity === 'error').map(formatFindingAt);
    const analysis = { topology, findings, findingsByPath, errorLines };
    this.cached = { version: this.version, analysis };
    return analysis;
  }

  /** The findings a member reports. */
  public findingsFor(member: TopologyMember): Finding[] {
    const { findingsByPath } = this.analysis();
    return member._claimedPaths().flatMap(path => findingsByPath.get(path) ?? []);
  }

  private register(member: TopologyMember): void {
    this.version++;
    this.members.add(member);
    const stack = TerraformStack.of(member);
    if (this.stacks.has(stack)) return;
    this.stacks.add(stack);
    // Every stack with Spectrum constructs reports every error of the whole
    // app, so the first stack cdktf validates fails with one error listing
    // all of them (handles are checked across stacks)...
    stack.node.addValidation({ validate: () => this.analysis().errorLines.map(line => readable(stack, line)) });
    // ...and warnings and notes become annotations, added by an aspect on the
    // stack: cdktf invokes aspects from stacks only, never from the App.
    Aspects.of(stack).add(new FindingAnnotator(this));
  }

  /** Adds each warning and note once, however often synth runs. */
  public annotate(member: TopologyMember): void {
    const stack = TerraformStack.of(member);
    for (const finding of this.findingsFor(member)) {
      // Errors are validation errors; what a stack's SpectrumPolicy changes, it reports itself.
      if (finding.severity === 'error' || reportedByStackPolicy(stack, finding)) continue;
      const text = readable(stack, formatFinding(finding));
      const key = `${member.node.path}\u0000${text}`;
      if (this.annotated.has(key)) continue;
      this.annotated.add(key);
      if (finding.severity === 'warning') Annotations.of(member).addWarning(text);
      else Annotations.of(member).addInfo(text);
    }
  }

  public isMember(node: IConstruct): node is TopologyMember {
    return this.members.has(node);
  }
}

/**
 * A message with the tokens it names shown as the Terraform expressions they
 * stand for (`${var.hosts["east-1"]}`) rather than cdktf's placeholders;
 * the message as it is if that fails.
 */
export function readable(stack: TerraformStack, message: string): string {
  if (!Token.isUnresolved(message)) return message;
  try {
    const resolved: unknown = Tokenization.resolve(message, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) });
    return typeof resolved === 'string' ? resolved : message;
  } catch {
    return message;
  }
}

/** Turns the registry's warnings and notes into cdktf annotations. */
class FindingAnnotator implements IAspect {
  constructor(private readonly registry: SpectrumRegistry) {}

  public visit(node: IConstruct): void {
    if (this.registry.isMember(node)) this.registry.annotate(node);
  }
}
