// Catalog schema v50: notes on a source file, for things the user should know about how it is read
// (an encoding fallback, invalid bytes, a delimiter the sniffer doubts). A JSON array of strings.
import type { Migration } from '../migrate';

export const m0050: Migration = {
  version: 50,
  name: 'source-notes',
  up: `ALTER TABLE sources ADD COLUMN notes_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes_json));`,
};
