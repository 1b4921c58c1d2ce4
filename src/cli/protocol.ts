// postwijs protocol draft FILE | validate FILE: the drafting engine and the protocol check on the
// command line, for directors and for us. Reads PDF, .docx and text on this machine only.
import { readFileSync, statSync } from 'node:fs';
import { DocumentError, MAX_DOCUMENT_BYTES } from '../documents/read.ts';
import { readDocumentInNode } from '../documents/read-node.ts';
import { documentErrorMessage } from '../documents/messages.ts';
import { draftProtocol, NotAProtocolError } from '../drafting/draft.ts';
import { validateProtocolDocument } from '../drafting/validate.ts';
import { both } from './words.ts';

export class ProtocolCommandError extends Error {}

function readBytes(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new ProtocolCommandError(`${path}: ${both('cliCannotReadFile')}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_DOCUMENT_BYTES) throw new ProtocolCommandError(`${path}: ${documentErrorMessage('too-large')}`);
  return new Uint8Array(readFileSync(path));
}

export async function draftFromFile(path: string): Promise<string> {
  const bytes = readBytes(path);
  try {
    const pages = await readDocumentInNode(bytes);
    const draft = draftProtocol({ pages, fileName: path });
    const problems = validateProtocolDocument(draft.protocol);
    // A draft that fails the check is our bug, not the user's file: say so plainly.
    if (problems.length) throw new ProtocolCommandError(`${path}: ${both('cliDraftInvalid')}: ${problems[0]}`);
    return JSON.stringify(draft.protocol, null, 2) + '\n';
  } catch (error) {
    if (error instanceof DocumentError) throw new ProtocolCommandError(`${path}: ${documentErrorMessage(error.reason)}`);
    if (error instanceof NotAProtocolError) throw new ProtocolCommandError(`${path}: ${documentErrorMessage(error.reason === 'empty' ? 'empty' : 'no-rules')}`);
    throw error;
  }
}

export function validateFile(path: string): string[] {
  const bytes = readBytes(path);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ProtocolCommandError(`${path}: ${both('cliNotJson')}: ${(error as Error).message}`);
  }
  return validateProtocolDocument(raw);
}
