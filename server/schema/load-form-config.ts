import { readFile } from 'node:fs/promises';
import type { FormConfigFile, FormConfigReading } from './types.ts';
import { validateFormConfig } from './validate-form-config.ts';

/**
 * Reads and checks the site owner's form configuration (FORM_CONFIG), for the API the server
 * speaks (`fieldsFromAccount` on API 2.0). Throws an Error listing every problem and where it is;
 * the server refuses to start with it rather than guess.
 */
export async function loadFormConfig(path: string, reading: FormConfigReading = { fieldsFromAccount: false }): Promise<FormConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new Error(`Form configuration ${path} cannot be read${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`Form configuration ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const { config, problems } = validateFormConfig(parsed, reading);
  if (problems.length > 0) {
    throw new Error(`Form configuration ${path} is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  return config;
}
