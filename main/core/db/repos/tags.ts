// Personal-data tags of columns in the catalog: the only code that reads or writes column_tags.
// Rows are keyed by the column's physical name; callers translate to and from display names.
import type { Db } from '../open';
import {
  PdActionSchema, PdEvidenceSchema, PdKindSchema, PdCategorySchema,
  type PdAction, type PdCategory, type PdEvidence, type PdKind,
} from '../../../../shared/api/personal';

export interface StoredTag {
  physical: string;
  kind: PdKind;
  category: PdCategory;
  confidence: number;
  evidence: PdEvidence | null;
  status: 'suggested' | 'confirmed';
  action: PdAction | null;
  updatedAt: string;
}

interface TagRow {
  physical: string; kind: string; category: string; confidence: number; evidence_json: string | null;
  status: string; action_json: string | null; updated_at: string;
}

export class TagsRepo {
  private readonly listStmt;
  private readonly upsertStmt;
  private readonly actionStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.listStmt = db.prepare<[number], TagRow>('SELECT * FROM column_tags WHERE dataset_id = ? ORDER BY physical');
    this.upsertStmt = db.prepare(`INSERT INTO column_tags
      (dataset_id, physical, kind, category, confidence, evidence_json, status, action_json, updated_at)
      VALUES (@datasetId, @physical, @kind, @category, @confidence, @evidence, @status, @action, @updatedAt)
      ON CONFLICT(dataset_id, physical) DO UPDATE SET kind = excluded.kind, category = excluded.category,
        confidence = excluded.confidence, evidence_json = excluded.evidence_json, status = excluded.status,
        action_json = COALESCE(excluded.action_json, column_tags.action_json), updated_at = excluded.updated_at`);
    this.actionStmt = db.prepare('UPDATE column_tags SET action_json = ?, updated_at = ? WHERE dataset_id = ? AND physical = ?');
    this.deleteStmt = db.prepare('DELETE FROM column_tags WHERE dataset_id = ? AND physical = ?');
  }

  list(datasetId: number): StoredTag[] {
    return this.listStmt.all(datasetId).map(toTag);
  }

  /** Writes a tag; an existing action is kept unless `tag.action` is given. */
  upsert(datasetId: number, tag: Omit<StoredTag, 'updatedAt'>, now = new Date().toISOString()): void {
    this.upsertStmt.run({
      datasetId, physical: tag.physical, kind: tag.kind, category: tag.category, confidence: tag.confidence,
      evidence: tag.evidence ? JSON.stringify(tag.evidence) : null, status: tag.status,
      action: tag.action ? JSON.stringify(tag.action) : null, updatedAt: now,
    });
  }

  /** Sets (or clears, with null) the export action of a tagged column; false when the column has no tag. */
  setAction(datasetId: number, physical: string, action: PdAction | null, now = new Date().toISOString()): boolean {
    return this.actionStmt.run(action ? JSON.stringify(action) : null, now, datasetId, physical).changes > 0;
  }

  remove(datasetId: number, physical: string): void {
    this.deleteStmt.run(datasetId, physical);
  }
}

function toTag(r: TagRow): StoredTag {
  return {
    physical: r.physical,
    kind: PdKindSchema.parse(r.kind),
    category: PdCategorySchema.parse(r.category),
    confidence: r.confidence,
    evidence: r.evidence_json ? PdEvidenceSchema.parse(JSON.parse(r.evidence_json)) : null,
    status: r.status === 'confirmed' ? 'confirmed' : 'suggested',
    action: r.action_json ? PdActionSchema.parse(JSON.parse(r.action_json)) : null,
    updatedAt: r.updated_at,
  };
}
