// Cached profiles and stored quality rules in the catalog: the only code that reads or writes the
// profiles and rules tables. Rules are stored with physical column names (renames follow them) and
// the display names they had when stored (to name a dropped column in a message).
import type { Db } from '../open';
import { RuleSchema, type Rule } from '../../../../shared/rules/schema';

export interface StoredRuleRow {
  id: number;
  /** The rule with physical column names. */
  rule: Rule;
  /** Display name of each physical name it uses, when it was stored. */
  names: Record<string, string>;
}

export class ProfileCacheRepo {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[number], { version: string; profile_json: string }>('SELECT version, profile_json FROM profiles WHERE dataset_id = ?');
    this.putStmt = db.prepare(`INSERT INTO profiles (dataset_id, version, profile_json, computed_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(dataset_id) DO UPDATE SET version = excluded.version, profile_json = excluded.profile_json, computed_at = excluded.computed_at`);
  }

  /** The cached profile JSON if it was computed at `version`. */
  get(datasetId: number, version: string): unknown | undefined {
    const r = this.getStmt.get(datasetId);
    return r && r.version === version ? JSON.parse(r.profile_json) : undefined;
  }

  put(datasetId: number, version: string, profile: unknown): void {
    this.putStmt.run(datasetId, version, JSON.stringify(profile), new Date().toISOString());
  }
}

export class RulesRepo {
  private readonly listStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare<[number], { id: number; rule_json: string; names_json: string }>('SELECT id, rule_json, names_json FROM rules WHERE dataset_id = ? ORDER BY id');
    this.insertStmt = db.prepare('INSERT INTO rules (dataset_id, rule_json, names_json, created_at) VALUES (?, ?, ?, ?)');
    this.updateStmt = db.prepare('UPDATE rules SET rule_json = ? WHERE dataset_id = ? AND id = ?');
    this.deleteStmt = db.prepare('DELETE FROM rules WHERE dataset_id = ? AND id = ?');
  }

  list(datasetId: number): StoredRuleRow[] {
    return this.listStmt.all(datasetId).map((r) => ({ id: r.id, rule: RuleSchema.parse(JSON.parse(r.rule_json)), names: JSON.parse(r.names_json) as Record<string, string> }));
  }

  add(datasetId: number, rules: Array<{ rule: Rule; names: Record<string, string> }>): number[] {
    return this.db.transaction(() => rules.map((r) => Number(this.insertStmt.run(datasetId, JSON.stringify(r.rule), JSON.stringify(r.names), new Date().toISOString()).lastInsertRowid)))();
  }

  /** Replaces a rule's definition (its severity, say); false for an unknown id. */
  update(datasetId: number, id: number, rule: Rule): boolean {
    return this.updateStmt.run(JSON.stringify(rule), datasetId, id).changes > 0;
  }

  remove(datasetId: number, id: number): boolean {
    return this.deleteStmt.run(datasetId, id).changes > 0;
  }
}
