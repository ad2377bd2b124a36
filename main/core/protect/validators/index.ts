// The strict validator of each personal-data kind that has one: the function detection counts passes with.
import type { PdKind } from '../../../../shared/api/personal';
import { isCoordinatePair } from './coordinates';
import { isBirthDate } from './dates';
import { isEmail } from './email';
import { isIban, isPaymentCard } from './finance';
import { isIpAddress, isMacAddress } from './network';
import { isCprDk, isFodselsnummerNo, isHetuFi, isPersonnummerSe } from './nordicIds';
import { isNinoUk, isSsnUs } from './otherIds';
import { isPhone } from './phone';
import { isPostalCode } from './postalCode';

export { isEmail, isPhone, isPersonnummerSe, isFodselsnummerNo, isCprDk, isHetuFi, isNinoUk, isSsnUs, isIban, isPaymentCard, isIpAddress, isMacAddress, isBirthDate, isPostalCode, isCoordinatePair };

/** Kinds whose values a checksum or a strict format decides, in the order ties between them are broken. */
export const VALIDATED_KINDS = [
  'national_id_se', 'national_id_no', 'national_id_fi', 'national_id_dk', 'nino_uk', 'ssn_us', 'iban', 'payment_card',
  'email', 'ip_address', 'mac_address', 'coordinates', 'phone', 'date_of_birth', 'postal_code',
] as const satisfies readonly PdKind[];
export type ValidatedKind = (typeof VALIDATED_KINDS)[number];

/** The national identity numbers (a header that says "national id" lets the values pick among them). */
export const NATIONAL_ID_KINDS: readonly ValidatedKind[] = ['national_id_se', 'national_id_no', 'national_id_fi', 'national_id_dk', 'nino_uk', 'ssn_us'];

/** One strict validator per kind. */
export const VALIDATORS: Record<ValidatedKind, (value: string) => boolean> = {
  national_id_se: (v) => isPersonnummerSe(v),
  national_id_no: isFodselsnummerNo,
  national_id_fi: (v) => isHetuFi(v),
  national_id_dk: (v) => isCprDk(v),
  nino_uk: isNinoUk,
  ssn_us: (v) => isSsnUs(v),
  iban: isIban,
  payment_card: isPaymentCard,
  email: isEmail,
  ip_address: isIpAddress,
  mac_address: isMacAddress,
  coordinates: isCoordinatePair,
  phone: (v) => isPhone(v),
  date_of_birth: (v) => isBirthDate(v),
  postal_code: isPostalCode,
};
