import { DataResource, TerraformStack, Testing, TerraformVariable } from 'cdktf';
import { escapeTemplateSequences } from '../../lib/constructs/terraform-template';

describe('escapeTemplateSequences', () => {
  test('escapes ${ and %{ in literal text so Terraform reads them literally', () => {
    expect(escapeTemplateSequences('a=${10} d=${HOME} c=%{if}')).toBe('a=$${10} d=$${HOME} c=%%{if}');
  });

  test('leaves cdktf tokens alone, so references still resolve', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const host = new TerraformVariable(stack, 'host', { type: 'string' });
    new DataResource(stack, 'd', { input: { script: escapeTemplateSequences(`h=${host.stringValue} x=\${x}`) } });
    expect(JSON.parse(Testing.synth(stack)).resource.terraform_data.d.input.script).toBe('h=${var.host} x=$${x}');
  });
});
