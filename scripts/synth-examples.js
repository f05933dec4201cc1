// Runs `cdk8s synth` in every examples/<name>/ that has a cdk8s.yaml, so each
// example renders into its own examples/<name>/dist. Stops at the first failure.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', 'examples');
const cli = path.join(__dirname, '..', 'node_modules', '.bin', 'cdk8s');
const dirs = fs.readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'cdk8s.yaml')))
  .sort();
for (const dir of dirs) {
  console.log(`examples/${dir}`);
  execFileSync(cli, ['synth'], {
    cwd: path.join(root, dir),
    stdio: 'inherit',
    env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
  });
}
