#!/usr/bin/env node
// npm run deadcode: exported symbols of the project's own sources that nothing imports.
//
// Uses the TypeScript compiler API (the `typescript` dev dependency) on tsconfig.tests.json, which
// holds every source, the tools and the tests. An export counts as used when some file imports it
// (static import, `import type`, `import('…')` in a type, a dynamic `await import('…')`; tests and
// tools count as users), or when it is public: every export of an entry point below. A re-export
// (`export { x } from './y.js'`) is no use by itself: it passes a use on, so y's `x` is used only
// when someone imports `x` through the re-exporting module (or y directly) or the re-export is
// public. A re-export nobody imports through is reported too. `import * as ns` of a project module
// marks all its exports used. Not checked: members of exported classes, interfaces and enums, and
// what `export *` passes on (the `export *` line itself is never reported).
//
// Output: one line per dead export, `file:line symbol`, sorted; exit 1 when there is any, 0 when
// none, 2 on a usage or configuration error. The fix is to delete the export, or to drop the
// `export` keyword when the symbol is used inside its own file.
//
// Known dead exports that are left for now (code someone else is changing) are listed in
// tools/dead-exports.known, one `file symbol` per line (`#` comments): they are counted on stderr,
// not failures. An entry that is no longer dead is reported on stderr so that the list shrinks.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// --root DIR: another project laid out the same way (the tool's own tests)
const rootArg = process.argv.indexOf('--root');
const repo = rootArg > 0 && process.argv[rootArg + 1] ? resolve(process.argv[rootArg + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Folders (and files) whose exports are checked. tests/ only uses. */
const CHECKED = ['index.ts', 'model/', 'pipeline/', 'extractors/', 'normalizers/', 'output/', 'corpus/', 'tools/'];
/** Entry points: all their exports are public (the package API, the CLI, the worker thread, the bench runner). */
const ROOTS = ['index.ts', 'pipeline/cli.ts', 'pipeline/runner/worker.ts', 'tests/bench/run.ts'];

const KNOWN_FILE = join(repo, 'tools/dead-exports.known');

/** `file symbol` entries of tools/dead-exports.known. */
function readKnown() {
  if (!existsSync(KNOWN_FILE)) return new Set();
  const entries = readFileSync(KNOWN_FILE, 'utf8').split(/\r?\n/).map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
  return new Set(entries.map((l) => l.split(/\s+/).slice(0, 2).join(' ')));
}

const rel = (f) => relative(repo, f).split(sep).join('/');
const isChecked = (f) => {
  const r = rel(f);
  return !r.startsWith('..') && !r.includes('node_modules/') && CHECKED.some((c) => (c.endsWith('/') ? r.startsWith(c) : r === c));
};

function loadProgram() {
  const configPath = join(repo, 'tsconfig.tests.json');
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

function main() {
  const program = loadProgram();
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !rel(sf.fileName).startsWith('..') && !sf.fileName.includes('/node_modules/'));

  /** declaration nodes of the export symbols that are used */
  const used = new Set();
  const keyOf = (sym) => sym?.declarations?.[0];

  function markUsed(sym) {
    const key = keyOf(sym);
    if (!key || used.has(key)) return;
    used.add(key);
    if (sym.flags & ts.SymbolFlags.Alias) {
      let next;
      try { next = checker.getImmediateAliasedSymbol(sym); } catch { next = undefined; }
      if (next) markUsed(next);
    }
  }
  const moduleOf = (specifier) => {
    const sym = checker.getSymbolAtLocation(specifier);
    return sym && sym.flags & ts.SymbolFlags.ValueModule ? sym : sym?.declarations?.some(ts.isSourceFile) ? sym : undefined;
  };
  const exportsOf = (mod) => (mod ? checker.getExportsOfModule(mod) : []);
  function markName(mod, name) {
    if (!mod) return;
    const e = checker.tryGetMemberInModuleExports(ts.escapeLeadingUnderscores(name), mod);
    if (e) markUsed(e);
  }
  const markAll = (mod) => { for (const e of exportsOf(mod)) markUsed(e); };

  /** `const { a, b: c } = await import('…')`, `(await import('…')).a`: the names used, or undefined (all). */
  function dynamicNames(call) {
    let p = call.parent;
    while (p && ts.isParenthesizedExpression(p)) p = p.parent;
    if (!p || !ts.isAwaitExpression(p)) return undefined;
    let q = p.parent;
    while (q && ts.isParenthesizedExpression(q)) q = q.parent;
    if (q && ts.isVariableDeclaration(q) && ts.isObjectBindingPattern(q.name) && !q.name.elements.some((e) => e.dotDotDotToken)) {
      return q.name.elements.map((e) => (e.propertyName ?? e.name).getText());
    }
    if (q && ts.isPropertyAccessExpression(q)) return [q.name.text];
    return undefined;
  }

  function visit(node) {
    if (ts.isImportDeclaration(node) && node.moduleSpecifier) {
      const mod = moduleOf(node.moduleSpecifier);
      const clause = node.importClause;
      if (mod && clause) {
        if (clause.name) markName(mod, 'default');
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) markAll(mod);
        else if (nb) for (const el of nb.elements) markName(mod, (el.propertyName ?? el.name).text);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      // a re-export passes uses on (markUsed follows the alias); `export * as ns from` is a namespace use
      if (node.exportClause && ts.isNamespaceExport(node.exportClause)) markAll(moduleOf(node.moduleSpecifier));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const mod = moduleOf(node.argument.literal);
      if (node.qualifier) markName(mod, ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.left.getText());
      else markAll(mod);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      const mod = moduleOf(node.arguments[0]);
      const names = dynamicNames(node);
      if (names) for (const n of names) markName(mod, n);
      else markAll(mod);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      markAll(moduleOf(node.moduleReference.expression));
    }
    ts.forEachChild(node, visit);
  }
  for (const sf of files) visit(sf);

  for (const r of ROOTS) {
    const sf = program.getSourceFile(join(repo, r));
    if (!sf) throw new Error(`entry point ${r} is not in tsconfig.tests.json`);
    markAll(checker.getSymbolAtLocation(sf));
  }

  const dead = [];
  for (const sf of files) {
    if (!isChecked(sf.fileName)) continue;
    const mod = checker.getSymbolAtLocation(sf);
    for (const e of exportsOf(mod)) {
      const decl = keyOf(e);
      // only what this file declares or re-exports by name (not what `export *` passes on)
      if (!decl || decl.getSourceFile() !== sf || used.has(decl)) continue;
      const line = sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
      dead.push({ file: rel(sf.fileName), line, name: ts.unescapeLeadingUnderscores(e.escapedName) });
    }
  }
  dead.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.name < b.name ? -1 : 1)));
  const known = readKnown();
  const fresh = dead.filter((d) => !known.has(`${d.file} ${d.name}`));
  const stillDead = new Set(dead.map((d) => `${d.file} ${d.name}`));
  for (const d of fresh) console.log(`${d.file}:${d.line} ${d.name}`);
  const listed = dead.length - fresh.length;
  if (listed) console.error(`(${listed} known dead export${listed === 1 ? '' : 's'} listed in ${rel(KNOWN_FILE)})`);
  for (const k of known) if (!stillDead.has(k)) console.error(`${rel(KNOWN_FILE)}: ${k} is no longer a dead export: remove the line`);
  if (fresh.length) console.error(`${fresh.length} dead export${fresh.length === 1 ? '' : 's'}: delete them, or drop \`export\` where the symbol is used in its own file`);
  return fresh.length ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`dead-exports: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
}
