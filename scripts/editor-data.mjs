/**
 * Editor data from custom-elements.json: `web-types.json` (JetBrains IDEs
 * read it through package.json's `web-types` field) and VS Code custom data
 * (`vscode.html-custom-data.json`, `vscode.css-custom-data.json`; a host adds
 * them to `html.customData` / `css.customData` in .vscode/settings.json).
 *
 * Runs as the last step of `cem analyze` (see custom-elements-manifest.config.mjs),
 * so `npm run build` and `npm run analyze` write all three with the manifest;
 * `node scripts/editor-data.mjs` rewrites them from the committed manifest.
 *
 * The manifest keeps a field's type as written (`RecorderModel`); the
 * TypeScript checker expands such aliases to their values (`helios`,
 * `apollo`) so editors can offer them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

export const EDITOR_DATA_FILES = /** @type {const} */ ({
  webTypes: 'web-types.json',
  html: 'vscode.html-custom-data.json',
  css: 'vscode.css-custom-data.json',
});

/**
 * @typedef {{ kind: 'enum', values: string[] } | { kind: 'boolean' } | { kind: 'number' } | { kind: 'string' } | { kind: 'other', text: string }} ValueShape
 */

/** `'a' | "b" | undefined` → ['a', 'b']; undefined when the text is not a union of string literals. @param {string} text */
export function literalValues(text) {
  const parts = text.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined' && part !== 'null');
  const values = parts.map((part) => part.match(/^(['"])(.*)\1$/)?.[2]);
  return values.length > 0 && values.every((value) => value !== undefined) ? /** @type {string[]} */ (values) : undefined;
}

/**
 * Each property's value shape, by field name, as the TypeScript checker sees
 * the class (aliases expanded, `undefined` dropped).
 * @param {string} sourceFile path to the module that declares the class
 * @param {string} className
 * @returns {Map<string, ValueShape>}
 */
export function fieldShapes(sourceFile, className) {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const program = ts.createProgram([sourceFile], { ...(config?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(sourceFile);
  /** @type {Map<string, ValueShape>} */
  const shapes = new Map();
  if (!file) return shapes;
  const visit = (/** @type {ts.Node} */ node) => {
    if (ts.isClassDeclaration(node) && node.name?.text === className) {
      for (const member of node.members) {
        if (!(ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member)) || !ts.isIdentifier(member.name)) continue;
        shapes.set(member.name.text, shapeOf(checker, checker.getTypeAtLocation(member)));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return shapes;
}

/** @param {ts.TypeChecker} checker @param {ts.Type} type @returns {ValueShape} */
function shapeOf(checker, type) {
  const members = (type.isUnion() ? type.types : [type]).filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (members.length > 0 && members.every((part) => part.isStringLiteral())) {
    return { kind: 'enum', values: members.map((part) => /** @type {ts.StringLiteralType} */ (part).value) };
  }
  if (members.every((part) => part.flags & ts.TypeFlags.BooleanLike)) return { kind: 'boolean' };
  if (members.length === 1 && members[0].flags & ts.TypeFlags.Number) return { kind: 'number' };
  if (members.length === 1 && members[0].flags & ts.TypeFlags.String) return { kind: 'string' };
  // A string plus an object (a function adapter, say): what an attribute can carry is the string.
  if (members.some((part) => part.flags & ts.TypeFlags.String)) return { kind: 'string' };
  return { kind: 'other', text: checker.typeToString(type) };
}

/** `'helios'` → `helios`, `64_000` → `64000`; undefined for no default or an empty string. @param {string | undefined} text */
function defaultValue(text) {
  if (text === undefined) return undefined;
  const value = text.replace(/^(['"`])(.*)\1$/, '$2').replace(/^(\d[\d_]*)$/, (digits) => digits.replaceAll('_', ''));
  return value === '' ? undefined : value;
}

/** The declared type text, or the expanded one when the checker knows it. @param {ValueShape | undefined} shape @param {string | undefined} written */
function typeText(shape, written) {
  if (shape?.kind === 'enum') return shape.values.map((value) => JSON.stringify(value)).join(' | ');
  return written?.replace(/ \| undefined$/, '') ?? 'string';
}

/**
 * The three files' contents from a manifest.
 * @param {any} manifest custom-elements.json
 * @param {{ name: string, version: string }} pkg
 * @param {(modulePath: string, className: string) => Map<string, ValueShape>} shapesOf
 */
export function editorData(manifest, pkg, shapesOf) {
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.push({ declaration, shapes: shapesOf(mod.path, declaration.name) });
    }
  }
  elements.sort((a, b) => (a.declaration.tagName < b.declaration.tagName ? -1 : 1));

  const webTypes = {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map(({ declaration, shapes }) => {
          const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public');
          return {
            name: declaration.tagName,
            description: describe(declaration),
            attributes: (declaration.attributes ?? []).map((attribute) => {
              const shape = shapes.get(attribute.fieldName ?? attribute.name);
              const fallback = defaultValue(attribute.default);
              return {
                name: attribute.name,
                description: attribute.description ?? '',
                value: shape?.kind === 'boolean'
                  ? { type: 'boolean', ...(fallback ? { default: fallback } : {}) }
                  : { type: typeText(shape, attribute.type?.text), ...(fallback ? { default: fallback } : {}) },
              };
            }),
            slots: (declaration.slots ?? []).map((slot) => ({ name: slot.name, description: slot.description ?? '' })),
            events: (declaration.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
            js: {
              properties: fields.map((field) => ({
                name: field.name,
                description: [field.readonly ? 'Read-only.' : '', field.description ?? ''].filter(Boolean).join(' '),
                type: typeText(shapes.get(field.name), field.type?.text),
              })),
              events: (declaration.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
            },
            css: {
              properties: (declaration.cssProperties ?? []).map((property) => ({ name: property.name, description: property.description ?? '' })),
              parts: (declaration.cssParts ?? []).map((part) => ({ name: part.name, description: part.description ?? '' })),
            },
          };
        }),
      },
    },
  };

  const html = {
    version: 1.1,
    tags: elements.map(({ declaration, shapes }) => ({
      name: declaration.tagName,
      description: { kind: 'markdown', value: describe(declaration) },
      attributes: (declaration.attributes ?? []).map((attribute) => {
        const shape = shapes.get(attribute.fieldName ?? attribute.name);
        const fallback = defaultValue(attribute.default);
        const text = [attribute.description ?? '', fallback ? `Default: \`${fallback}\`.` : ''].filter(Boolean).join('\n\n');
        return {
          name: attribute.name,
          description: { kind: 'markdown', value: text },
          ...(shape?.kind === 'boolean' ? { valueSet: 'v' } : {}),
          ...(shape?.kind === 'enum' ? { values: shape.values.map((value) => ({ name: value })) } : {}),
        };
      }),
    })),
  };

  const css = {
    version: 1.1,
    properties: elements.flatMap(({ declaration }) =>
      (declaration.cssProperties ?? []).map((property) => ({
        name: property.name,
        description: { kind: 'markdown', value: `${property.description ?? ''} (\`<${declaration.tagName}>\`)`.trim() },
      })),
    ),
    pseudoElements: elements.flatMap(({ declaration }) =>
      (declaration.cssParts ?? []).map((part) => ({
        name: `::part(${part.name})`,
        description: { kind: 'markdown', value: `${part.description ?? ''} (\`<${declaration.tagName}>\`)`.trim() },
      })),
    ),
  };

  return { webTypes, html, css };
}

/** Summary, description, and the events with what their `detail` carries. @param {any} declaration */
function describe(declaration) {
  const events = (declaration.events ?? []).map((event) => `- \`${event.name}\`: ${event.description ?? ''}`);
  return [declaration.summary, declaration.description, events.length ? `**Events**\n\n${events.join('\n')}` : '']
    .filter(Boolean)
    .join('\n\n');
}

/** Writes the three files next to the manifest. @param {any} manifest */
export function writeEditorData(manifest) {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const data = editorData(manifest, pkg, (modulePath, className) => fieldShapes(`${root}${modulePath}`, className));
  writeFileSync(`${root}${EDITOR_DATA_FILES.webTypes}`, `${JSON.stringify(data.webTypes, null, 2)}\n`);
  writeFileSync(`${root}${EDITOR_DATA_FILES.html}`, `${JSON.stringify(data.html, null, 2)}\n`);
  writeFileSync(`${root}${EDITOR_DATA_FILES.css}`, `${JSON.stringify(data.css, null, 2)}\n`);
}

/** A custom-elements-manifest analyzer plugin: writes the editor data from the finished manifest. */
export function editorDataPlugin() {
  return {
    name: 'thymia-editor-data',
    packageLinkPhase(/** @type {{ customElementsManifest: any }} */ { customElementsManifest }) {
      writeEditorData(customElementsManifest);
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeEditorData(JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8')));
}
