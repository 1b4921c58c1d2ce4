import affiliation from '../lexicons/affiliation.json' with { type: 'json' };
import confidential from '../lexicons/confidential.json' with { type: 'json' };
import disclaimer from '../lexicons/disclaimer.json' with { type: 'json' };
import firstNames from '../lexicons/first-names.json' with { type: 'json' };
import offensive from '../lexicons/offensive.json' with { type: 'json' };
import phoneMetadata from '../lexicons/phone-metadata.json' with { type: 'json' };
import privacy from '../lexicons/privacy.json' with { type: 'json' };
import pupils from '../lexicons/pupils.json' with { type: 'json' };
import school from '../lexicons/school.json' with { type: 'json' };
import textModel from '../lexicons/text-model.json' with { type: 'json' };
import { installEngineData, type EngineData } from './engine-data.ts';

// The engine data as files, installed on import: for the CLI, the tests, the scripts and the
// background worker (which hands it to the content script). The content script never
// imports this module (test/e2e/screenshots.e2e.ts checks that no lexicon is in it).

export const BUNDLED_ENGINE_DATA: EngineData = { school, pupils, affiliation, disclaimer, privacy, offensive, confidential, firstNames, phoneMetadata, textModel };

installEngineData(BUNDLED_ENGINE_DATA);
