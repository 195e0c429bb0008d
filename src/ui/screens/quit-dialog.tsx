import { Text } from 'ink';
import { ChoiceDialog } from './choice-dialog.js';

/** What to do with the text when leaving. */
export type QuitChoice = 'save' | 'draft' | 'discard';

/** Props of QuitDialog. */
export interface QuitDialogProps {
  words: number;
  onChoose(choice: QuitChoice): void;
  onBack(): void;
}

/** Asked on Ctrl+C or Esc: save the entry, keep it as an encrypted draft, or discard it. */
export function QuitDialog({ words, onChoose, onBack }: QuitDialogProps) {
  return (
    <ChoiceDialog<QuitChoice>
      title={`Leave the session? (${words} ${words === 1 ? 'word' : 'words'} written)`}
      choices={[
        { key: 's', value: 'save', label: 'save the entry' },
        { key: 'k', value: 'draft', label: 'keep as draft' },
        { key: 'd', value: 'discard', label: 'discard' },
      ]}
      onChoose={onChoose}
      onCancel={onBack}
    >
      <Text dimColor>A kept draft stays encrypted and is offered the next time you open companion.</Text>
    </ChoiceDialog>
  );
}
