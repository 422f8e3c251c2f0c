// jest globalSetup: every test of a run makes its temporary files under one
// directory, which temp-root-teardown.js removes after the run. cdktf's
// Testing.synth, the plan tests' fake installs and the e2e work directories
// all call os.tmpdir(), and many of them leave what they made (hundreds of
// directories per run). Set here, TMPDIR reaches the test workers and every
// tool they start (cdktf, Terraform, the transfer scripts).
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-spectrum-tests-'));
  // Searchable by other users, as /tmp is: the simulator tests run tools as
  // `nobody` and as the install owner from directories below it (each of
  // which keeps its own mode); nobody else may write here.
  fs.chmodSync(root, 0o755);
  process.env.CDKTF_SPECTRUM_TEST_TMP = root;
  process.env.TMPDIR = root;
};
