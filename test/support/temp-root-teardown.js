// jest globalTeardown: removes the run's temporary directory (temp-root-setup.js).
const fs = require('fs');

module.exports = async () => {
  const root = process.env.CDKTF_SPECTRUM_TEST_TMP;
  if (root) fs.rmSync(root, { recursive: true, force: true });
};
