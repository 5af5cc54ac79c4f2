export { OpenAiProvider, OPENAI_DEFAULTS, type OpenAiProviderOptions } from './openai-provider';
