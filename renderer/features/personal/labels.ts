// Human names of the personal-data kinds and categories, for the panel and the badges.
import type { PdCategory, PdKind } from '../../../shared/api/personal';

const KIND_LABELS: Record<PdKind, string> = {
  person_name: 'Person name', email: 'Email', phone: 'Phone', national_id_se: 'Personnummer (SE)', national_id_no: 'Fødselsnummer (NO)',
  national_id_dk: 'CPR (DK)', national_id_fi: 'HETU (FI)', nino_uk: 'NINO (UK)', ssn_us: 'SSN (US)', iban: 'IBAN', payment_card: 'Payment card',
  ip_address: 'IP address', mac_address: 'MAC address', date_of_birth: 'Date of birth', postal_code: 'Postal code', location: 'Location',
  coordinates: 'Coordinates', free_text_pii: 'Text with personal data', none: 'No specific kind',
};

export const CATEGORY_LABELS: Record<PdCategory, string> = {
  direct: 'Direct identifier', quasi: 'Quasi-identifier', special: 'Special category (Art. 9)', none: 'None',
};

export function kindLabel(k: PdKind): string {
  return KIND_LABELS[k];
}

/** What a tag says in one phrase: "Not personal" for none/none, else the kind. */
export function findingLabel(kind: PdKind, category: PdCategory): string {
  return kind === 'none' && category === 'none' ? 'Not personal' : KIND_LABELS[kind];
}
