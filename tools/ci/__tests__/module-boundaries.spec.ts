import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The module-boundary findings ESLint (the repo's eslint.config.mjs, as `nx run <p>:lint` uses it) reports for a file's text. */
function boundaryFindings(filePath: string, text: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const eslint = spawn(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'], { cwd: ROOT });
    let out = '';
    let err = '';
    eslint.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    eslint.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    eslint.on('error', reject);
    eslint.on('close', () => {
      try {
        const [result] = JSON.parse(out) as { messages: { ruleId: string | null; message: string }[] }[];
        resolve(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
      } catch (error) {
        reject(new Error(`eslint gave no report: ${String(error)} ${err}`));
      }
    });
    eslint.stdin.end(text);
  });
}

const importing = (lib: string, name: string) => `import { ${name} } from '@idx/${lib}';\nexport const used = ${name};\n`;

describe('Nx tags by type × scope are enforced by the lint (docs/architecture.md)', () => {
  it('catches forbidden imports across scopes and down the layers, and lets allowed ones through', async () => {
    const [acrossScopes, upTheLayers, intoTheBrowser, appOwnScope, testSupportInShippedCode, auditIntoScoring] = await Promise.all([
      // Reporting's exports must not reach into ingest's lib.
      boundaryFindings('libs/exports/src/forbidden-import.ts', importing('ingestion', 'IngestionService')),
      // A lower layer never imports a higher one: the event store (data access) cannot use a feature lib.
      boundaryFindings('libs/event-store/src/forbidden-import.ts', importing('exports', 'renderCsv')),
      // The console runs in a browser: no database access.
      boundaryFindings('apps/web/src/forbidden-import.ts', importing('score-queries', 'ScoreQueries')),
      // The reporting app wires its own scope's feature libs.
      boundaryFindings('apps/reporting/src/allowed-import.ts', importing('access', 'AuditLog')),
      // Test support is for specs and tools, never for shipped code.
      boundaryFindings('libs/read-models/src/forbidden-import.ts', importing('testing', 'waitFor')),
      // The audit's replays are reporting's: the scoring service never carries them.
      boundaryFindings('apps/scoring/src/forbidden-import.ts', importing('audit', 'AuditService')),
    ]);
    expect(acrossScopes).toEqual([expect.stringContaining('"scope:reporting" can only depend on libs tagged with "scope:shared", "scope:reporting"')]);
    expect(upTheLayers).toContainEqual(expect.stringContaining('"type:data-access" can only depend on libs tagged with "type:domain", "type:contract", "type:util", "type:data-access"'));
    expect(intoTheBrowser.join('\n')).toContain('"scope:web"');
    expect(appOwnScope).toEqual([]);
    expect(testSupportInShippedCode).toEqual([expect.stringContaining('"type:data-access" can only depend on libs tagged with')]);
    expect(auditIntoScoring).toEqual([expect.stringContaining('"scope:scoring" can only depend on libs tagged with "scope:shared", "scope:scoring"')]);
  }, 240_000);
});
