import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEventsMarkdown } from '../render-events-markdown';
import { validateEvent } from '../validate-event';

const DOC = join(__dirname, '../../../../../docs/events.md');

describe('docs/events.md', () => {
  it('is the page rendered from the catalogue (regenerate with UPDATE_EVENT_DOCS=1)', () => {
    const rendered = renderEventsMarkdown();
    if (process.env['UPDATE_EVENT_DOCS'] === '1') writeFileSync(DOC, rendered);
    expect(readFileSync(DOC, 'utf8')).toBe(rendered);
  });

  it('shows only examples that validate', () => {
    const blocks = [...readFileSync(DOC, 'utf8').matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]));
    expect(blocks.length).toBe(40 + 1); // one per type, plus dossier.supplement-supplied's version 1
    for (const b of blocks) expect(validateEvent(b)).toMatchObject({ ok: true });
  });
});
