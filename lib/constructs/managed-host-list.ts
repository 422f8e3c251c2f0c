import { Construct } from 'constructs';
import { Fn, Lazy, TerraformLocal } from './cdktf-bridge';
import { tokenValue } from './token-values';
import { ShellValue } from '../plan/shell';

/**
 * The hosts every `.hostrc` of a landscape (of a whole DSS) must list, kept
 * once in a Terraform local. Each server's hostrc step refers to the local
 * instead of repeating the list, so the synthesized plan grows linearly with
 * the number of servers, and its trigger holds the list's SHA-256 computed by
 * Terraform (exact even when hosts are tokens).
 */
export class ManagedHostList extends Construct {
  private readonly local: TerraformLocal;
  private joined?: ShellValue;
  private hashed?: string;

  /**
   * @param hosts the list to write; shared by the copies a DSS keeps in each
   *   stack its members live in, so no stack reads another stack's local
   */
  constructor(scope: Construct, id: string, private readonly hosts: string[] = []) {
    super(scope, id);
    this.local = new TerraformLocal(this, 'hosts', Lazy.listValue({ produce: () => this.hosts }));
  }

  /** Adds a SpectroSERVER or OneClick host (a literal or a token). */
  public add(host: string): void {
    this.hosts.push(host);
  }

  /** The hosts as given so far (for tests and metadata). */
  public get entries(): readonly string[] {
    return this.hosts;
  }

  /** One token that Terraform expands to the list, one host per line (made once: tokens are costly). */
  public lines(): ShellValue[] {
    this.joined ??= tokenValue(Fn.join('\n', this.local.asList));
    return [this.joined];
  }

  /** Changes exactly when the list does. */
  public digest(): ShellValue {
    this.hashed ??= Fn.sha256(Fn.join('\n', this.local.asList));
    return { text: this.hashed, isToken: true };
  }
}
