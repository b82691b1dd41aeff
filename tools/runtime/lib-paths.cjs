// Resolves the workspace's @idx/* libraries inside a compiled app or tool (dist/{apps,tools}/<name>/libs/<lib>/src),
// as tsconfig.base.json's paths do at compile time. Loaded with `node --require`.
const Module = require('node:module');
const path = require('node:path');

const original = Module._resolveFilename;
Module._resolveFilename = function resolveLibPath(request, parent, ...rest) {
  const match = /^@idx\/([a-z-]+)$/.exec(request);
  if (match && parent && parent.filename) {
    const at = Math.max(parent.filename.indexOf(`${path.sep}dist${path.sep}apps${path.sep}`), parent.filename.indexOf(`${path.sep}dist${path.sep}tools${path.sep}`));
    if (at !== -1) {
      const appRoot = parent.filename.slice(0, at) + path.sep + parent.filename.slice(at + 1).split(path.sep).slice(0, 3).join(path.sep);
      return original.call(this, path.join(appRoot, 'libs', match[1], 'src', 'index.js'), parent, ...rest);
    }
  }
  return original.call(this, request, parent, ...rest);
};
