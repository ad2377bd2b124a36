// Catalog schema v170: the cached profile of each dataset (valid for one history state) and the
// quality rules kept with a dataset. Rules name columns by physical name, so a rename keeps them.
import type { Migration } from '../migrate';

export const m0170: Migration = {
  version: 170,
  name: 'profiles-rules',
  up: `
    CREATE TABLE profiles (
      dataset_id   INTEGER PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
      version      TEXT NOT NULL,
      profile_json TEXT NOT NULL CHECK (json_valid(profile_json)),
      computed_at  TEXT NOT NULL
    ) STRICT;
    CREATE TABLE rules (
      id          INTEGER PRIMARY KEY,
      dataset_id  INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
      rule_json   TEXT NOT NULL CHECK (json_valid(rule_json)),
      names_json  TEXT NOT NULL CHECK (json_valid(names_json)),
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX rules_dataset ON rules (dataset_id, id);
  `,
};
