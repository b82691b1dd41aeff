import nx from '@nx/eslint-plugin';

// Module boundaries (docs/architecture.md): every project is tagged by type × scope and may
// depend only on what both of its tags allow. Types are layers, lowest first: domain (pure rules),
// contract (wire shapes), util, data-access (PostgreSQL, Prisma), feature (use cases, framework
// glue), app (wiring only). Scopes are the deployables: a lib of one service's scope is never
// imported by another service; `shared` is for everyone.
const LOWER_LAYERS = {
  'type:domain': ['type:domain'],
  'type:contract': ['type:domain', 'type:contract'],
  'type:util': ['type:domain', 'type:contract', 'type:util'],
  'type:data-access': ['type:domain', 'type:contract', 'type:util', 'type:data-access'],
  'type:feature': ['type:domain', 'type:contract', 'type:util', 'type:data-access', 'type:feature'],
  'type:app': ['type:domain', 'type:contract', 'type:util', 'type:data-access', 'type:feature'],
  // Test support (real databases, waits, event builders): for tests and tools, never shipped code.
  'type:testing': ['type:domain', 'type:contract', 'type:util', 'type:testing'],
  'type:tool': ['type:domain', 'type:contract', 'type:util', 'type:data-access', 'type:feature', 'type:testing'],
};
const SCOPES = {
  'scope:shared': ['scope:shared'],
  'scope:ingest': ['scope:shared', 'scope:ingest'],
  'scope:scoring': ['scope:shared', 'scope:scoring'],
  'scope:reporting': ['scope:shared', 'scope:reporting'],
  'scope:web': ['scope:shared', 'scope:web'],
};
const scopeConstraints = Object.entries(SCOPES).map(([sourceTag, allowed]) => ({ sourceTag, onlyDependOnLibsWithTags: allowed }));
const typeConstraints = (layers) => Object.entries(layers).map(([sourceTag, allowed]) => ({ sourceTag, onlyDependOnLibsWithTags: allowed }));
const boundaries = (depConstraints, extra = {}) => [
  'error',
  { enforceBuildableLibDependency: false, banTransitiveDependencies: false, ...extra, depConstraints },
];
// The console runs in a browser: only the pure domain and the wire contracts reach it.
const WEB = { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:domain', 'type:contract'] };

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '**/.nx/**', '**/tmp/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries([...typeConstraints(LOWER_LAYERS), ...scopeConstraints, WEB]),
    },
  },
  {
    // Tests of any project may use the testing lib (real databases, waits, event builders), and so may
    // the helpers their specs share beside them in __tests__.
    files: ['**/*.spec.ts', '**/__tests__/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries([
        ...typeConstraints(Object.fromEntries(Object.entries(LOWER_LAYERS).map(([t, allowed]) => [t, t === 'type:domain' ? allowed : [...new Set([...allowed, 'type:data-access', 'type:testing'])]]))),
        ...scopeConstraints,
      ]),
    },
  },
  {
    // Tools (launcher, simulator, benchmarks, CLIs, end-to-end harnesses) compose the platform:
    // they may use every lib of every scope (their own specs too) and start the apps in-process through their bootstrap functions.
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(typeConstraints(LOWER_LAYERS), { allow: ['^(\\.\\./)+apps/(ingest|scoring|reporting)/src/bootstrap$'] }),
    },
  },
];
