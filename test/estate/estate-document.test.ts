import * as fs from 'fs';
import * as path from 'path';
import { estateOf, parseEstate, readEstateFile } from '../../lib/estate/estate-document';
import { EstateError } from '../../lib/estate/estate-error';
import { estateSchema } from '../../lib/estate/estate-schema';

/** The problems an estate text has, as the user sees them. */
function problemsOf(text: string, shown = 'estate.yaml'): readonly string[] {
  try {
    parseEstate(text, shown);
  } catch (error) {
    if (error instanceof EstateError) return error.problems;
    throw error;
  }
  return [];
}

const MINIMAL = `version: 1
landscapes:
  east:
    handle: "0x400000"
    primary: { host: east-1 }
`;

describe('estate files', () => {
  test('docs/estate.schema.json is the published schema (one source: lib/estate/estate-schema.ts)', () => {
    const published = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'estate.schema.json'), 'utf8'));
    // When this fails after changing the schema: node bin/cdktf-spectrum schema estate --output docs/estate.schema.json
    expect(published).toEqual(estateSchema());
  });

  test('a minimal estate is valid, YAML or JSON', () => {
    expect(problemsOf(MINIMAL)).toEqual([]);
    expect(problemsOf(JSON.stringify({ version: 1, landscapes: { east: { handle: 4194304, primary: { host: 'east-1' } } } }), 'estate.json')).toEqual([]);
  });

  test('an unknown field is an error naming the allowed ones, with line and column', () => {
    expect(problemsOf(`${MINIMAL}    colour: red\n`)).toEqual([
      'estate.yaml:6:5: /landscapes/east/colour is not a field of the estate format (allowed here: handle, primary, secondaries, standbyMode, '
      + 'install, connection, backup, backupCommand, planResource, reseed, retain, promotedFrom, mainLocationServer, oneClickServers)',
    ]);
  });

  test('reseed, retain and promotedFrom are landscape fields; reseed and retain are distributed-landscape defaults too', () => {
    expect(problemsOf(`${MINIMAL}    reseed: nightly-2026-12-01 run:42
    retain: 5
    promotedFrom: east-2
    secondaries: [ { host: east-2 } ]
`)).toEqual([]);
    expect(problemsOf(`${MINIMAL}    reseed: { variable: reseed }
    promotedFrom: { variable: hosts, key: old-primary }
`)).toEqual([]);
    expect(problemsOf(`${MINIMAL}    reseed: { env: RESEED }
`)).toEqual([]);
    expect(problemsOf(`version: 1
distributedLandscapes:
  dss:
    reseed: { variable: reseed }
    retain: 2
    master: { handle: "0x100000", primary: { host: m-1 }, reseed: own, retain: 4, promotedFrom: m-2, secondaries: [ { host: m-2 } ] }
`)).toEqual([]);
    // promotedFrom is a landscape's, not a distributed landscape's (each landscape promotes on its own).
    expect(problemsOf(`version: 1
distributedLandscapes:
  dss:
    promotedFrom: m-2
    master: { handle: "0x100000", primary: { host: m-1 } }
`)).toEqual([
      'estate.yaml:4:5: /distributedLandscapes/dss/promotedFrom is not a field of the estate format (allowed here: master, landscapes, oneClickServers, '
      + 'standbyMode, install, connection, planResource, reseed, retain)',
    ]);
  });

  test('a reseed that is not a label is refused at its value with the rule id and the fix', () => {
    expect(problemsOf(`${MINIMAL}    reseed: "x; reboot"
`)).toEqual([
      'estate.yaml:6:13: /landscapes/east/reseed is \'x; reboot\', not a re-seed label (at most 128 letters, digits, spaces and ".", "_", ":", "+", "@", "/", "-"), '
      + '{ variable: NAME [, key: KEY] } or { env: NAME } (SPX143); use a date, a run id or a commit as the re-seed value, e.g. reseed: \'2026-12-01\', '
      + 'or { variable: reseed } to pass it in when Terraform applies (docs/estate.md, "Re-seeding from a pipeline")',
    ]);
    expect(problemsOf(`${MINIMAL}    reseed: ${'a'.repeat(129)}
`)).toEqual([expect.stringMatching(/^estate\.yaml:6:13: \/landscapes\/east\/reseed is 'a{129}', not a re-seed label .*\(SPX143\); use a date/)]);
    expect(problemsOf(`${MINIMAL}    reseed: 20261201
`)).toEqual([expect.stringMatching(/^estate\.yaml:6:13: \/landscapes\/east\/reseed is 20261201, not a re-seed label/)]);
  });

  test('a retain that is not a whole number from 1 to 999999 is refused with the rule id and the fix, a reference too', () => {
    const fix = '(SPX143); set retain to how many copies of each file a server keeps, at least 1 (the newest copy is never removed), e.g. 3; or leave it unset';
    const must = 'not a whole number from 1 to 999999, written as a number (the count goes into the scripts at synth, so not a reference)';
    expect(problemsOf(`${MINIMAL}    retain: 0
`)).toEqual([`estate.yaml:6:13: /landscapes/east/retain is 0, ${must} ${fix}`]);
    expect(problemsOf(`${MINIMAL}    retain: 1000000
`)).toEqual([`estate.yaml:6:13: /landscapes/east/retain is 1000000, ${must} ${fix}`]);
    expect(problemsOf(`${MINIMAL}    retain: 2.5
`)).toEqual([`estate.yaml:6:13: /landscapes/east/retain is 2.5, ${must} ${fix}`]);
    expect(problemsOf(`${MINIMAL}    retain: { variable: retain }
`)).toEqual([`estate.yaml:6:13: /landscapes/east/retain is {"variable":"retain"}, ${must} ${fix}`]);
    expect(problemsOf(`version: 1
distributedLandscapes:
  dss:
    retain: -1
    master: { handle: "0x100000", primary: { host: m-1 } }
`)).toEqual([`estate.yaml:4:13: /distributedLandscapes/dss/retain is -1, ${must} ${fix}`]);
  });

  test('a promotedFrom that is not a host value is refused at its value', () => {
    expect(problemsOf(`${MINIMAL}    promotedFrom: [east-2]
`)).toEqual([
      'estate.yaml:6:19: /landscapes/east/promotedFrom must be a literal string, { variable: NAME [, key: KEY] } or { env: NAME }',
    ]);
  });

  test('a vnmrc key named like a ruled field is not mistaken for it', () => {
    expect(problemsOf(MINIMAL.replace('{ host: east-1 }', '{ host: east-1, vnmrc: { retain: 0 } }'))).toEqual([
      'estate.yaml:5:47: /landscapes/east/primary/vnmrc/retain must be a string',
    ]);
  });

  test('a wrong type is an error at the value', () => {
    expect(problemsOf(MINIMAL.replace('{ host: east-1 }', '{ host: east-1, precedence: ten }'))).toEqual([
      'estate.yaml:5:42: /landscapes/east/primary/precedence must be an integer',
    ]);
    expect(problemsOf(MINIMAL.replace('host: east-1', 'host: [east-1]'))).toEqual([
      'estate.yaml:5:22: /landscapes/east/primary/host must be a literal string, { variable: NAME [, key: KEY] } or { env: NAME }',
    ]);
    expect(problemsOf(MINIMAL.replace('"0x400000"', 'east'))).toEqual([
      'estate.yaml:4:13: /landscapes/east/handle must be a landscape handle: hexadecimal with 0x such as "0x400000", or a number',
    ]);
  });

  test('every problem is reported at once, in file order', () => {
    const problems = problemsOf(`version: 2
landscapes:
  east:
    handle: "0x400000"
    standbyMode: hot
    primary: { host: east-1, colour: red }
`);
    expect(problems).toEqual([
      'estate.yaml:1:10: /version must be 1',
      'estate.yaml:5:18: /landscapes/east/standbyMode must be one of WARM, HOT',
      'estate.yaml:6:30: /landscapes/east/primary/colour is not a field of the estate format (allowed here: host, precedence, connection, vnmrc)',
    ]);
  });

  test('a duplicate landscape is refused with the line of the second', () => {
    expect(problemsOf(`${MINIMAL}  east:\n    handle: "0x500000"\n    primary: { host: east-2 }\n`)).toEqual([
      'estate.yaml:6:3: east appears twice in the same map: each name (landscape, server, field) is given once',
    ]);
  });

  test('a literal password is refused, with the fix', () => {
    expect(problemsOf(`${MINIMAL}    install: { mediaPath: /mnt/spectrum, ownerPassword: "s3cret!" }\n`)).toEqual([
      'estate.yaml:6:57: /landscapes/east/install/ownerPassword is a literal secret: passwords and private keys never go into the estate file; '
      + 'write { variable: spectrum_owner_password } and give the value to Terraform as a sensitive variable '
      + '(TF_VAR_spectrum_owner_password, or a .tfvars file kept out of version control) (SPX150)',
    ]);
  });

  test('a secret from the environment is refused: it would land in the plan as plain text', () => {
    expect(problemsOf(`${MINIMAL}    connection: { privateKey: { env: SSH_KEY } }\n`)).toEqual([
      'estate.yaml:6:31: /landscapes/east/connection/privateKey is a secret read from the environment, which would be written into the synthesized plan '
      + 'as plain text; write { variable: ssh_private_key } instead and set TF_VAR_ssh_private_key in the environment that runs Terraform (SPX150)',
    ]);
  });

  test('a YAML syntax error names its line', () => {
    expect(problemsOf(`${MINIMAL}    secondaries: [ { host: east-2 }\n`)).toEqual([
      expect.stringMatching(/^estate\.yaml:7:1: not valid YAML or JSON: /),
    ]);
    expect(problemsOf('{"version": 1,,}', 'estate.json')).toEqual([expect.stringMatching(/^estate\.json:1:15: not valid YAML or JSON: /)]);
  });

  test('a missing file is one line naming it', () => {
    expect(() => readEstateFile('/nonexistent/estate.yaml', 'estate.yaml')).toThrow(new EstateError(['estate.yaml: cannot read the estate file (no such file)'], true));
  });

  test('names the library uses itself are refused', () => {
    expect(problemsOf(`version: 1
distributedLandscapes:
  dss:
    master: { handle: "0x100000", primary: { host: m-1 } }
    landscapes:
      master: { handle: "0x200000", primary: { host: e-1 } }
`)).toEqual(['estate.yaml:6:7: /distributedLandscapes/dss/landscapes/master is a name the library uses itself; choose another']);
  });

  test('objects are checked the same way, with pointers', () => {
    expect(() => estateOf({ version: 1, landscapes: { east: { handle: '0x400000' } } }, "SpectrumEstate 'estate'"))
      .toThrow("SpectrumEstate 'estate': /landscapes/east/primary is required");
  });
});
