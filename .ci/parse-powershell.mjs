// Parse-checks every .ps1/.psm1/.psd1 in the repository with tree-sitter-powershell, so a syntax error fails CI
// even on machines without PowerShell. Prints file:line:column for each error and exits 1 if there is any.
// Known gaps of the grammar (valid PowerShell it flags): a one-line `{ param(...) "x" }` (write param blocks on their
// own lines) and bare-word lists as command arguments (`Format-List A, B`: quote them, `'A', 'B'`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell/bindings/node/index.js';

const root = process.argv[2] ?? '.';
const skipped = new Set(['.git', 'node_modules', 'bin', 'obj', 'out', 'TestResults', 'BenchmarkDotNet.Artifacts']);
const extensions = /\.(ps1|psm1|psd1)$/i;

function* scripts(directory) {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      if (!skipped.has(name)) yield* scripts(path);
    } else if (extensions.test(name)) {
      yield path;
    }
  }
}

function* errors(node) {
  if (node.type === 'ERROR' || node.isMissing) {
    yield node;
    return;
  }
  for (const child of node.children) {
    if (child.hasError || child.isMissing) yield* errors(child);
  }
}

const parser = new Parser();
parser.setLanguage(PowerShell);

let files = 0;
let failures = 0;
for (const path of scripts(root)) {
  files++;
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  // The callback form has no 32 KiB limit on the input.
  const tree = parser.parse((index) => text.slice(index, index + 8192));
  for (const node of errors(tree.rootNode)) {
    failures++;
    const { row, column } = node.startPosition;
    const what = node.isMissing ? `missing ${node.type}` : `cannot parse '${text.slice(node.startIndex, node.startIndex + 40).split('\n')[0]}'`;
    console.error(`${relative(root, path)}:${row + 1}:${column + 1}: ${what}`);
  }
}

console.log(`PowerShell parse check: ${files} files, ${failures} error(s).`);
process.exit(failures === 0 && files > 0 ? 0 : 1);
