import type { Entry } from '../../src/core/entry.js';
import type { EntryPatch } from '../../src/core/journal.js';
import { MockProvider, type MockProviderOptions } from '../../src/providers/mock-provider.js';
import type { GenerateOptions } from '../../src/providers/types.js';

/** An in-memory stand-in for the Journal parts the insight services use; counts updates. */
export class MemoryJournal {
  updates = 0;
  private readonly entries: Map<string, Entry>;
  constructor(entries: readonly Entry[]) {
    this.entries = new Map(entries.map((e) => [e.id, e]));
  }
  all(): Entry[] {
    return [...this.entries.values()].sort((a, b) => a.created.localeCompare(b.created));
  }
  get(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new Error(`no entry ${id}`);
    return e;
  }
  async update(id: string, patch: EntryPatch): Promise<Entry> {
    const next = { ...this.get(id), ...patch, revision: this.get(id).revision + 1 };
    this.entries.set(id, next);
    this.updates += 1;
    return next;
  }
  async updateMany(changes: ReadonlyArray<{ id: string; patch: EntryPatch }>): Promise<Entry[]> {
    const out: Entry[] = [];
    for (const { id, patch } of changes) out.push(await this.update(id, patch));
    return out;
  }
}

/** One recorded model call. */
export interface RecordedCall {
  prompt: string;
  system: string;
  maxTokens: number | undefined;
}

/** The mock provider, recording every prompt it is given. */
export class RecordingProvider extends MockProvider {
  readonly calls: RecordedCall[] = [];
  constructor(options: MockProviderOptions = {}) {
    super(options);
  }
  override stream(prompt: string, options: GenerateOptions = {}): AsyncIterable<string> {
    this.calls.push({ prompt, system: options.system ?? '', maxTokens: options.maxTokens });
    return super.stream(prompt, options);
  }
}
