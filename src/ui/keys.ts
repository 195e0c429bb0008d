/** What a key press (or a pasted run of text) means to the session. */
export type KeyAction =
  | { kind: 'text'; text: string }
  | {
    kind:
      | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
      | 'wordLeft' | 'wordRight' | 'pageUp' | 'pageDown' | 'save' | 'interrupt' | 'escape' | 'help';
  };

const SEQUENCES: Record<string, KeyAction['kind']> = {
  '\x1b[A': 'up', '\x1b[B': 'down', '\x1b[C': 'right', '\x1b[D': 'left',
  '\x1bOA': 'up', '\x1bOB': 'down', '\x1bOC': 'right', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[7~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end', '\x1b[8~': 'end',
  '\x1b[3~': 'delete', '\x1b[5~': 'pageUp', '\x1b[6~': 'pageDown',
  '\x1b[1;5C': 'wordRight', '\x1b[1;5D': 'wordLeft', '\x1b[1;3C': 'wordRight', '\x1b[1;3D': 'wordLeft',
  '\x1bf': 'wordRight', '\x1bb': 'wordLeft',
  '\x1bOP': 'help', '\x1b[11~': 'help',
  '\x1b': 'escape', '\x1b\x1b': 'escape',
  '\x1b\x7f': 'backspace',
};

const CONTROLS: Record<string, KeyAction['kind']> = {
  '\x7f': 'backspace', '\b': 'backspace',
  '\x04': 'save', '\x03': 'interrupt',
  '\x01': 'home', '\x05': 'end', '\x07': 'help',
};

/**
 * Turn one input event (a key's escape sequence, or a run of typed or pasted text) into actions.
 * Control characters inside pasted text are read as keys; CR LF counts as one line break; unknown
 * escape sequences and other control characters are ignored, so they never reach the entry text.
 */
export function parseKeys(raw: string): KeyAction[] {
  if (raw.startsWith('\x1b')) {
    const kind = SEQUENCES[raw];
    return kind ? [{ kind } as KeyAction] : [];
  }
  const actions: KeyAction[] = [];
  let text = '';
  const flush = () => {
    if (text.length > 0) actions.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i]!;
    if (ch === '\r' && raw[i + 1] === '\n') continue; // the \n that follows is the line break
    if (ch === '\n' || ch === '\r') {
      // Line breaks inside a paste stay text, so a large paste is one insertion.
      text += '\n';
      continue;
    }
    if (ch === '\t') {
      text += '    ';
      continue;
    }
    const control = CONTROLS[ch];
    if (control) {
      flush();
      actions.push({ kind: control } as KeyAction);
      continue;
    }
    if (ch < ' ' || (ch >= '\x80' && ch < '\xa0')) continue;
    text += ch;
  }
  flush();
  // A lone Enter is a key, not text.
  if (actions.length === 1 && actions[0]!.kind === 'text' && raw.length === 1 && (raw === '\r' || raw === '\n')) return [{ kind: 'enter' }];
  return actions;
}
