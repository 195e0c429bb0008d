/** How likely a text is to carry a prompt injection. */
export type InjectionRisk = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';

/** The kinds of injection the detector distinguishes. */
export type InjectionType =
  | 'instruction_override'
  | 'roleplay_jailbreak'
  | 'system_prompt_extraction'
  | 'delimiter_injection'
  | 'encoded_payload'
  | 'tool_abuse'
  | 'indirect_injection';

/** One matched piece of evidence; offsets refer to `InjectionResult.normalized` unless `decoded` is set. */
export interface InjectionSpan {
  type: InjectionType;
  start: number;
  end: number;
  text: string;
  /** Name of the rule that matched. */
  rule: string;
  /** Set when the match is inside a decoded payload rather than the normalised text. */
  decoded?: string;
}

/** What {@link detectInjection} reports about a text. */
export interface InjectionResult {
  risk: InjectionRisk;
  /** Combined score in [0, 1]: rules and the trained model. */
  score: number;
  /** The trained model's probability alone. */
  modelScore: number;
  /** How far the most instruction-like window of a longer document stands out from the rest (0 for short texts). */
  plantedScore: number;
  types: InjectionType[];
  spans: InjectionSpan[];
  /** The normalised text the spans point into. */
  normalized: string;
  /** Obfuscation tricks found while normalising (zero-width, homoglyph, base64, ...). */
  obfuscation: string[];
}
