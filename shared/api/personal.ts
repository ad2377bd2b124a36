// Personal-data vocabulary shared by detection, tagging, export protection and erasure: the kinds and
// categories of the API and CLI, a column's tag, and the action applied to a column on export.
import { z } from 'zod';

export const PD_KINDS = [
  'person_name', 'email', 'phone', 'national_id_se', 'national_id_no', 'national_id_dk', 'national_id_fi',
  'nino_uk', 'ssn_us', 'iban', 'payment_card', 'ip_address', 'mac_address', 'date_of_birth', 'postal_code',
  'location', 'coordinates', 'free_text_pii', 'none',
] as const;
export const PdKindSchema = z.enum(PD_KINDS);
export type PdKind = z.infer<typeof PdKindSchema>;

export const PdCategorySchema = z.enum(['direct', 'quasi', 'special', 'none']);
export type PdCategory = z.infer<typeof PdCategorySchema>;

/** What export does with a column. The CLI spells these `keep`, `drop`, `mask:4`, `hash`, `generalise:year`, `suppress`. */
export const PdActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep') }),
  z.object({ action: z.literal('drop') }),
  /** Keep the last `keep` characters, the rest replaced by `*`. */
  z.object({ action: z.literal('mask'), keep: z.number().int().min(0).max(64) }),
  /** HMAC-SHA-256 under the workspace secret (pseudonymise). */
  z.object({ action: z.literal('hash') }),
  /** year|month (dates), band5|band10 (ages, 90+ top-coded), prefix:N (postal codes), round:N (coordinates, decimals). */
  z.object({ action: z.literal('generalise'), to: z.string().regex(/^(year|month|band5|band10|prefix:\d{1,2}|round:\d)$/) }),
  /** Every value replaced by an empty value. */
  z.object({ action: z.literal('suppress') }),
]);
export type PdAction = z.infer<typeof PdActionSchema>;

/** Parses the CLI spelling of an action (`mask:4`, `generalise:year`, `hash`, `pseudonymise` …); null when it is not one. */
export function parsePdAction(text: string): PdAction | null {
  const t = text.trim().toLowerCase();
  const [head, ...rest] = t.split(':');
  const arg = rest.join(':');
  if (!arg) {
    if (head === 'keep' || head === 'drop' || head === 'hash' || head === 'suppress') return { action: head };
    if (head === 'pseudonymise' || head === 'pseudonymize') return { action: 'hash' };
    if (head === 'mask') return { action: 'mask', keep: 4 };
    return null;
  }
  if (head === 'mask' && /^\d{1,2}$/.test(arg)) return { action: 'mask', keep: Number(arg) };
  if (head === 'generalise' || head === 'generalize') {
    const r = PdActionSchema.safeParse({ action: 'generalise', to: arg });
    return r.success ? r.data : null;
  }
  return null;
}

/** The CLI spelling of an action, the inverse of parsePdAction. */
export function formatPdAction(a: PdAction): string {
  if (a.action === 'mask') return `mask:${a.keep}`;
  if (a.action === 'generalise') return `generalise:${a.to}`;
  return a.action;
}

export const PdEvidenceSchema = z.object({
  /** The header keyword that matched, if any. */
  header: z.string().nullable(),
  /** Distinct values sampled, and how many passed the kind's strict validator. */
  sampled: z.number().int(),
  passed: z.number().int(),
  /** A few matching values, masked. */
  examples: z.array(z.string()),
  note: z.string().optional(),
});
export type PdEvidence = z.infer<typeof PdEvidenceSchema>;

/** A column's personal-data tag as stored in the catalog. `status`: what detection suggested, or what the user decided. */
export const ColumnTagSchema = z.object({
  column: z.string(),
  kind: PdKindSchema,
  category: PdCategorySchema,
  confidence: z.number().min(0).max(1),
  evidence: PdEvidenceSchema.nullable(),
  status: z.enum(['suggested', 'confirmed']),
  action: PdActionSchema.nullable(),
  updatedAt: z.string(),
});
export type ColumnTag = z.infer<typeof ColumnTagSchema>;
