import { Text } from 'ink';
import { ChoiceDialog } from './choice-dialog.js';

/** What the writer chose to do about text that reads like instructions to an AI. */
export type InjectionChoice = 'keep' | 'edit';

/** Props of InjectionDialog. */
export interface InjectionDialogProps {
  types: readonly string[];
  onChoose(choice: InjectionChoice): void;
}

/** Explains a HIGH prompt-injection finding before saving: keep or edit. */
export function InjectionDialog({ types, onChoose }: InjectionDialogProps) {
  return (
    <ChoiceDialog<InjectionChoice>
      title="Part of this entry reads like instructions to an AI."
      choices={[
        { key: 'k', value: 'keep', label: 'keep as written' },
        { key: 'e', value: 'edit', label: 'edit' },
      ]}
      onChoose={onChoose}
    >
      <Text>Found: {types.map((t) => t.replace(/_/g, ' ')).join(', ') || 'instruction-like text'}.</Text>
      <Text dimColor>If it is kept, companion always hands it to a model marked as journal data, never as instructions,</Text>
      <Text dimColor>but a pasted message or web page could still try to steer later reflections.</Text>
    </ChoiceDialog>
  );
}
