/** Kinds of personal data the PII detector reports. */
export type PiiType =
  | 'PERSON'
  | 'LOCATION'
  | 'ORGANIZATION'
  | 'EMAIL'
  | 'PHONE'
  | 'CREDIT_CARD'
  | 'IBAN'
  | 'US_SSN'
  | 'IP_ADDRESS'
  | 'URL'
  | 'STREET_ADDRESS'
  | 'ZIP_CODE'
  | 'DATE_OF_BIRTH'
  | 'DATE_TIME'
  | 'AGE'
  | 'NRP'
  /** Honorifics and job titles next to a name ("Dr.", "Leasing consultant"). */
  | 'TITLE'
  | 'US_DRIVER_LICENSE'
  /** Other identifiers written after their label: passport, bank account and sort code, routing, policy, member, patient, tax and national-insurance numbers, licence plates. */
  | 'ID_NUMBER'
  /** A social-media handle written with its at sign ("@sunny.days.92"), not an email's. */
  | 'USERNAME'
  /** Credentials: API keys and tokens in their published formats, private keys, `password: …` values. */
  | 'SECRET'
  | 'CRYPTO';

/** Every PII type, in a stable order (for tables and iteration). */
export const PII_TYPES: readonly PiiType[] = [
  'PERSON', 'LOCATION', 'ORGANIZATION', 'EMAIL', 'PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'IP_ADDRESS',
  'URL', 'STREET_ADDRESS', 'ZIP_CODE', 'DATE_OF_BIRTH', 'DATE_TIME', 'AGE', 'NRP', 'TITLE',
  'US_DRIVER_LICENSE', 'ID_NUMBER', 'USERNAME', 'SECRET', 'CRYPTO',
];

/** One detected piece of personal data: `text === input.slice(start, end)`. */
export interface PiiSpan {
  type: PiiType;
  /** Start offset (UTF-16 code units, inclusive). */
  start: number;
  /** End offset (exclusive). */
  end: number;
  text: string;
  /** 0..1; validated patterns are near 1, NER guesses lower. */
  confidence: number;
  /** Which recogniser produced the span (e.g. "regex:email", "ner:compromise"). */
  source: string;
}

/** Options for {@link detectPII}. */
export interface DetectPiiOptions {
  /**
   * Run the trained sequence tagger for names, places, organisations, addresses and the other
   * context-dependent types (default true); false reports the regex recognisers alone.
   */
  ner?: boolean;
  /** Drop spans below this confidence (default 0). */
  minConfidence?: number;
  /** Only report these types (default: all). */
  types?: readonly PiiType[];
}
