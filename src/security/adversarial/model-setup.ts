import type { Sandbox } from './sandbox.js';
import type { RecordedChat, RecordingServer } from './recording-server.js';

/** Whether companion should see the recording server as on this machine or as a remote host. */
export type ServerPlace = 'local' | 'remote';

/**
 * Point the sandbox's journal at the recording server as its OpenAI-compatible provider. `remote` uses
 * http://0.0.0.0:<port>, which reaches the same local server but which companion classifies as a remote
 * host (it is not a loopback name), so remote-only protections such as `security.redact_remote` apply.
 */
export async function useRecordingServer(box: Sandbox, server: RecordingServer, place: ServerPlace): Promise<void> {
  await box.config('ai_provider', 'openai');
  await box.config('openai_base_url', `http://${place === 'local' ? '127.0.0.1' : '0.0.0.0'}:${server.port}/v1`);
  await box.config('model', 'recorder');
}

/** A fenced data block in a prompt: `<<tag>> … <</tag>>` as sanitizeForContext writes it. */
const FENCE = /<<([a-z0-9-]+-[0-9a-f]{12})>>[\s\S]*?<<\/\1>>/gi;

/** A prompt with every fenced data block removed: what the model would read as instructions. */
export function outsideBoundaries(text: string): string {
  return text.replace(FENCE, ' ');
}

/** How many fenced data blocks a prompt holds. */
export function boundaryCount(text: string): number {
  return text.match(FENCE)?.length ?? 0;
}

/** Everything a model received in these chats, system and user messages together. */
export function promptsOf(chats: readonly RecordedChat[]): string {
  return chats.map((c) => `${c.system}\n${c.user}`).join('\n');
}
