/** The prompter: template prompts chosen by context, and model prompts validated with a template fallback. */
export { reflectionPrompt, continuationPrompt, timeBasedPrompt, timeOfDay } from './prompter.js';
export { generatePrompt, buildPromptInstruction, type PromptGenerator, type PromptRequest, type GenerateOptions, type GeneratedPrompt } from './generate.js';
export { validateModelPrompt, MAX_PROMPT_WORDS, type PromptCheck } from './validate.js';
export { PROMPT_TEMPLATES, templatesFor, type PromptTemplate, type Situation } from './templates.js';
export { createRng, type Rng } from './rng.js';
export { moodScore, type Prompt, type PromptContext } from './context.js';
