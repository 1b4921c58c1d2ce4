// One-line messages for documents that cannot become a protocol, in both languages at once for
// the CLI (the review page shows the locale's own from _locales: documentError* keys).
import type { DocumentErrorReason } from './read.ts';

export type DraftFailure = DocumentErrorReason | 'no-rules';

const MESSAGES: Record<DraftFailure, string> = {
  empty: 'het bestand is leeg of bevat geen tekst (the file is empty or has no text)',
  'too-large': 'het bestand is groter dan 20 MB; een protocol is meestal veel kleiner (the file is larger than 20 MB; a protocol is usually much smaller)',
  scanned: 'deze PDF is een scan zonder tekstlaag; vraag de school om de PDF met tekst of plak de tekst van de website (this PDF is a scan without a text layer; ask for the text PDF or paste the text from the web page)',
  password: 'deze PDF is met een wachtwoord beveiligd; sla hem zonder wachtwoord op en probeer opnieuw (this PDF is password-protected; save it without a password and try again)',
  image: 'dit is een foto of afbeelding, geen document; kies de PDF of het Word-bestand (this is a photo or image, not a document; choose the PDF or Word file)',
  corrupt: 'het bestand is beschadigd of geen PDF, Word (.docx) of tekstbestand (the file is damaged, or not a PDF, Word (.docx) or text file)',
  unsupported: 'dit soort bestand kan PostWijs niet lezen; kies een PDF, Word (.docx) of tekstbestand (PostWijs cannot read this kind of file; choose a PDF, Word (.docx) or text file)',
  'no-rules': 'hierin staat geen socialemediaprotocol: geen enkel artikel past bij een regel van PostWijs (no social-media protocol found: no article matches a PostWijs rule)',
};

export function documentErrorMessage(reason: DraftFailure): string {
  return MESSAGES[reason];
}
