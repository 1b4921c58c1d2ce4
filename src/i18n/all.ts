import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import nl from '../../public/_locales/nl/messages.json' with { type: 'json' };
import { registerMessages } from './messages.ts';

// Both message files, whole: imported for its effect by the pages, the background worker,
// the CLI, the scripts and the tests (the content script registers its own part:
// content/messages.ts).
registerMessages({ nl, en });
