import { Text } from 'ink';
import { countWords } from '../../core/entry.js';
import type { Draft } from '../../core/drafts.js';
import { ChoiceDialog } from './choice-dialog.js';

/** Restore the interrupted draft or discard it. */
export type RestoreChoice = 'restore' | 'discard';

/** Props of RestoreDialog. */
export interface RestoreDialogProps {
  draft: Draft;
  onChoose(choice: RestoreChoice): void;
}

/** Offered at start when an unsaved draft from an interrupted session exists. */
export function RestoreDialog({ draft, onChoose }: RestoreDialogProps) {
  const when = new Date(draft.savedAt).toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const words = countWords(draft.text);
  const firstLine = draft.text.split('\n').find((l) => l.trim().length > 0) ?? '';
  return (
    <ChoiceDialog<RestoreChoice>
      title="An unsaved draft was found."
      choices={[
        { key: 'r', value: 'restore', label: 'restore it' },
        { key: 'd', value: 'discard', label: 'discard it and start fresh' },
      ]}
      onChoose={onChoose}
    >
      <Text>From {when}, {words} {words === 1 ? 'word' : 'words'}:</Text>
      <Text dimColor wrap="truncate">  {firstLine}</Text>
    </ChoiceDialog>
  );
}
