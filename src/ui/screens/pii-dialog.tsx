import { Text } from 'ink';
import type { PiiSpan, PiiType } from '../../security/pii/types.js';
import { usePalette } from '../services-context.js';
import { ChoiceDialog } from './choice-dialog.js';

/** What the writer chose to do about personal data in the entry. */
export type PiiChoice = 'keep' | 'redact' | 'edit';

/** Props of PiiDialog. */
export interface PiiDialogProps {
  text: string;
  spans: readonly PiiSpan[];
  onChoose(choice: PiiChoice): void;
}

const CONTEXT = 24;
const MAX_SHOWN = 6;

/** Friendly names of the PII types, as the dialog's title lists them (every type has one). */
export const PII_TYPE_NAMES: Readonly<Record<PiiType, string>> = {
  PERSON: 'name', LOCATION: 'place', ORGANIZATION: 'organisation', EMAIL: 'email address', PHONE: 'phone number',
  CREDIT_CARD: 'card number', IBAN: 'IBAN', US_SSN: 'social security number', IP_ADDRESS: 'IP address', URL: 'link',
  STREET_ADDRESS: 'street address', ZIP_CODE: 'postcode', DATE_OF_BIRTH: 'date of birth', DATE_TIME: 'date', AGE: 'age', NRP: 'group',
  TITLE: 'title', US_DRIVER_LICENSE: "driver's licence number", ID_NUMBER: 'identity number', USERNAME: 'user name',
  SECRET: 'password or key', CRYPTO: 'crypto wallet address',
};

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** The personal data found before saving, each span highlighted in its context: keep, redact or edit. */
export function PiiDialog({ text, spans, onChoose }: PiiDialogProps) {
  const palette = usePalette();
  const kinds = [...new Set(spans.map((s) => PII_TYPE_NAMES[s.type]))];
  return (
    <ChoiceDialog<PiiChoice>
      title={`This entry contains personal data (${kinds.join(', ')}).`}
      choices={[
        { key: 'k', value: 'keep', label: 'keep as written' },
        { key: 'r', value: 'redact', label: 'redact (replace with a label)' },
        { key: 'e', value: 'edit', label: 'edit' },
      ]}
      onChoose={onChoose}
    >
      <Text dimColor>It stays encrypted on this machine either way; redacting keeps it out of any later AI use.</Text>
      {spans.slice(0, MAX_SHOWN).map((s, i) => (
        <Text key={i} wrap="truncate">
          {'  '}{s.start > CONTEXT ? '…' : ''}{oneLine(text.slice(Math.max(0, s.start - CONTEXT), s.start))}
          <Text inverse bold color={palette.warn}>{oneLine(s.text)}</Text>
          {oneLine(text.slice(s.end, s.end + CONTEXT))}{s.end + CONTEXT < text.length ? '…' : ''}
          <Text dimColor>  {PII_TYPE_NAMES[s.type]}</Text>
        </Text>
      ))}
      {spans.length > MAX_SHOWN ? <Text dimColor>  and {spans.length - MAX_SHOWN} more</Text> : null}
    </ChoiceDialog>
  );
}
