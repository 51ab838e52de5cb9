// Local ESLint rule: a domain module is used only through its index.ts. Exceptions: tables (*.tables.ts)
// for seeds that load data directly, and tests, which may exercise a module's pure rules.
import path from 'node:path';

const MODULES = `${path.sep}apps${path.sep}api${path.sep}src${path.sep}modules${path.sep}`;

function moduleOf(file) {
  const i = file.indexOf(MODULES);
  if (i < 0) return null;
  const rest = file.slice(i + MODULES.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join('/') };
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid importing another module except through its index.ts' },
    schema: [],
    messages: {
      deep: "Import module '{{target}}' through its index.ts, not '{{inner}}'.",
      platform: 'The platform layer must not depend on domain modules.',
    },
  },
  create(context) {
    const file = context.filename;
    const here = moduleOf(file);
    const inPlatform = file.includes(`${path.sep}apps${path.sep}api${path.sep}src${path.sep}platform${path.sep}`);
    // Tests may reach a module's pure rules directly; production code may not.
    if (file.includes(`${path.sep}apps${path.sep}api${path.sep}test${path.sep}`)) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = moduleOf(path.resolve(path.dirname(file), spec));
      if (!target) return;
      if (inPlatform) return context.report({ node, messageId: 'platform' });
      if (here && here.name === target.name) return;
      if (target.inner === 'index.ts') return;
      if (!here && target.inner.endsWith('.tables.ts')) return;
      context.report({ node, messageId: 'deep', data: { target: target.name, inner: target.inner } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
