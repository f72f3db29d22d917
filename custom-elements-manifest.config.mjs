/**
 * `npm run analyze` → custom-elements.json at the repo root, from the JSDoc in
 * src/thymia-recorder.ts (attributes and properties from the Lit decorators;
 * events, slots, parts and CSS custom properties from the class's tags).
 *
 * The tidy-up plugin below keeps the manifest to the public surface:
 * - `customElements.define(TAG_NAME, …)` names the tag with a constant; the
 *   analyzer records the identifier, so it is resolved to the constant's value;
 * - modules are sorted by path, so the file is identical on every checkout;
 * - re-export paths (`./x.js`, `/src/x.js`) are normalised to `src/x.ts`;
 * - `#private` and `private` members are dropped;
 * - only the modules that declare or define an element are kept, holding only
 *   the element, under the paths the package ships (dist/lib/…);
 * - when a class documents its events with `@event`, events the analyzer
 *   inferred from `dispatchEvent(new ThymiaEvent(name, …))` calls (named after
 *   a variable, undocumented) are dropped.
 *
 * Then scripts/editor-data.mjs writes web-types.json and the VS Code custom
 * data from the finished manifest. The framework wrappers (src/react.ts,
 * src/vue.ts) and the server half (src/server/) declare no element, so they stay
 * out of the manifest.
 */
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { editorDataPlugin, fieldShapes } from './scripts/editor-data.mjs';

function unquote(text) {
  const match = typeof text === 'string' && text.trim().match(/^(['"`])([^'"`]*)\1$/);
  return match ? match[2] : undefined;
}

function normaliseModulePath(from, target) {
  if (!target) return target;
  let path = target.startsWith('/') ? target.slice(1) : target.startsWith('.') ? posix.join(posix.dirname(from), target) : target;
  if (path.endsWith('.js')) {
    const ts = `${path.slice(0, -3)}.ts`;
    if (existsSync(ts)) path = ts;
  }
  return path;
}

/** `src/x.ts` → `dist/lib/x.js`, the file the package ships (the analyzer reads the sources). */
function shippedPath(path) {
  return typeof path === 'string' && /^src\/.*\.ts$/.test(path) ? `dist/lib/${path.slice(4, -3)}.js` : path;
}

function tidyManifest() {
  return {
    name: 'thymia-tidy-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const constants = new Map();
      for (const mod of manifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const value = declaration.kind === 'variable' ? unquote(declaration.default) : undefined;
          if (value) constants.set(declaration.name, value);
        }
      }
      const resolveTag = (name) => (name && !name.includes('-') && constants.has(name) ? constants.get(name) : name);

      for (const mod of manifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          declaration.tagName = resolveTag(declaration.tagName);
          if (declaration.members) {
            declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && !member.name?.startsWith('#'));
          }
          if (declaration.events?.some((event) => event.description)) {
            declaration.events = declaration.events.filter((event) => event.description);
          }
        }
        for (const entry of mod.exports ?? []) {
          if (entry.kind === 'custom-element-definition') entry.name = resolveTag(entry.name);
          if (entry.declaration?.module) entry.declaration.module = normaliseModulePath(mod.path, entry.declaration.module);
        }
      }
      // The public API only: the modules that declare or define an element, holding just the element
      // (its attributes, properties, methods, events, parts, slots, CSS properties).
      const isPublic = (declaration) => Boolean(declaration.customElement);
      manifest.modules = (manifest.modules ?? []).filter(
        (mod) => mod.declarations?.some(isPublic) || mod.exports?.some((entry) => entry.kind === 'custom-element-definition'),
      );
      const publicNames = new Set(manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter(isPublic).map((d) => d.name)));
      for (const mod of manifest.modules) {
        mod.declarations = (mod.declarations ?? []).filter(isPublic);
        mod.exports = (mod.exports ?? []).filter((entry) => publicNames.has(entry.declaration?.name));
      }
      // Glob order follows the file system; sort so every checkout writes the same manifest.
      manifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * Last, after the editor data (which reads the sources): the manifest stands on its own. Its type
 * aliases are gone with the internal modules, so each field's alias is written out as its union of
 * literals (`RecorderModel` → `"helios" | "apollo"`), and paths name the files the package ships.
 */
function selfContainedManifest() {
  return {
    name: 'thymia-self-contained-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      for (const mod of manifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const shapes = fieldShapes(mod.path, declaration.name);
          const expand = (field, name) => {
            const shape = shapes.get(name);
            if (shape?.kind === 'enum' && field.type) field.type.text = shape.values.map((value) => JSON.stringify(value)).join(' | ');
          };
          for (const member of declaration.members ?? []) expand(member, member.name);
          for (const attribute of declaration.attributes ?? []) expand(attribute, attribute.fieldName ?? attribute.name);
          for (const link of [declaration.superclass, ...(declaration.members ?? []).map((member) => member.inheritedFrom)]) {
            if (link?.module) link.module = shippedPath(link.module);
          }
        }
        for (const entry of mod.exports ?? []) {
          if (entry.declaration?.module) entry.declaration.module = shippedPath(entry.declaration.module);
        }
        mod.path = shippedPath(mod.path);
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.d.ts', 'src/react.ts', 'src/vue.ts', 'src/svelte.ts', 'src/template-types.ts', 'src/event-props.ts', 'src/server/**'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  dev: false,
  plugins: [tidyManifest(), editorDataPlugin(), selfContainedManifest()],
};
