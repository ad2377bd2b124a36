// Contract schemas of personal-data detection and tagging: findings, the tags of a dataset's columns,
// and the methods that run detection, confirm or change a tag, set its export action and search tags.
import { z } from 'zod';
import {
  ColumnTagSchema, PdActionSchema, PdCategorySchema, PdEvidenceSchema, PdKindSchema, type PdCategory, type PdKind,
} from './personal';

/** The category a kind belongs to unless the user says otherwise. */
export const DEFAULT_CATEGORY: Record<PdKind, PdCategory> = {
  person_name: 'direct', email: 'direct', phone: 'direct', national_id_se: 'direct', national_id_no: 'direct',
  national_id_dk: 'direct', national_id_fi: 'direct', nino_uk: 'direct', ssn_us: 'direct', iban: 'direct',
  payment_card: 'direct', ip_address: 'direct', mac_address: 'direct', free_text_pii: 'direct',
  date_of_birth: 'quasi', postal_code: 'quasi', location: 'quasi', coordinates: 'quasi', none: 'none',
};

/** What detection found for one column (the `tidyset detect --json` shape). */
export const FindingSchema = z.object({
  column: z.string(),
  kind: PdKindSchema,
  category: PdCategorySchema,
  confidence: z.number().min(0).max(1),
  evidence: PdEvidenceSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

/** A column of a dataset with its tag (null: never detected nor tagged). */
export const ColumnTagRowSchema = z.object({
  column: z.string(),
  position: z.number().int(),
  tag: ColumnTagSchema.nullable(),
});
export type ColumnTagRow = z.infer<typeof ColumnTagRowSchema>;

const DatasetRef = z.object({ dataset: z.string().min(1) });

export const detectContract = {
  /** Every column of a dataset with its personal-data tag, in column order. */
  'tags.list': { input: DatasetRef, output: z.array(ColumnTagRowSchema) },
  /**
   * Confirm a column's tag, or change its kind and category (confirmed by the user). Kind `none` with
   * category `none` marks a column not personal. An existing export action is kept unless `action` is given.
   */
  'tags.set': {
    input: DatasetRef.extend({ column: z.string(), kind: PdKindSchema, category: PdCategorySchema, action: PdActionSchema.nullable().optional() }),
    output: ColumnTagSchema,
  },
  /** The export action of a tagged column (null clears it); NOT_FOUND when the column has no tag. */
  'tags.setAction': { input: DatasetRef.extend({ column: z.string(), action: PdActionSchema.nullable() }), output: ColumnTagSchema },
  /** Columns of every dataset whose tag has this kind and/or category (and status), for the catalog search. */
  'tags.search': {
    input: z.object({ kind: PdKindSchema.optional(), category: PdCategorySchema.optional(), status: z.enum(['suggested', 'confirmed']).optional(), query: z.string().optional() }),
    output: z.array(z.object({ dataset: z.string(), column: z.string(), kind: PdKindSchema, category: PdCategorySchema, status: z.enum(['suggested', 'confirmed']), confidence: z.number() })),
  },
} as const;
