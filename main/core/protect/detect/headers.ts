// Column-header keywords (en, sv, no, da, fi, de, fr, es, it, pt, nl, pl) and what they say about a column.
import type { PdKind } from '../../../../shared/api/personal';
import { SPECIAL_CATEGORIES, foldWord } from './vocab';

/** What a header says: a kind (or `national_id`: one of the national identity numbers, values decide), and how sure. */
export interface HeaderHint {
  kind: PdKind | 'national_id' | 'age' | 'gender';
  keyword: string;
  /** Weak keywords (`name`, `address`…) need the values to agree before they count. */
  strong: boolean;
}

type Entry = [HeaderHint['kind'], string, boolean];

const s = (kind: HeaderHint['kind'], words: string, strong = true): Entry[] =>
  words.split('|').map((w) => [kind, w, strong] as Entry);

const KEYWORDS: Entry[] = [
  ...s('email', 'email|e mail|email address|mail address|emailaddress|epost|e post|epostadress|e postadresse|sähköposti|courriel|correo|correo electronico|posta elettronica|mail'),
  ...s('phone', 'phone|telephone|telephonenumber|phone number|phonenumber|tel|tel nr|telnr|mobile|mobile number|cell|cellphone|mobil|mobilnummer|telefon|telefonnummer|puhelin|puhelinnumero|matkapuhelin|handy|telephone number|telefono|telefone|fax|gsm'),
  ...s('person_name', 'first name|firstname|given name|givenname|forename|surname|last name|lastname|family name|familyname|full name|fullname|middle name|middlename|maiden name|mothers maiden|maiden|customer name|patient name|employee name|contact name|person name|personname|contact person|fornavn|etternavn|efternavn|förnamn|fornamn|efternamn|mellannamn|tilltalsnamn|etunimi|sukunimi|vorname|nachname|familienname|prenom|nom de famille|nombre|apellido|apellidos|cognome|sobrenome|imie|nazwisko|achternaam|voornaam|author|authors|signed by'),
  ...s('person_name', 'name|namn|navn|nimi|nom|nome', false),
  ...s('national_id_se', 'personnummer|personnr|pnr|samordningsnummer|person nr|personal identity number'),
  ...s('national_id_no', 'fodselsnummer|fnr|d nummer|dnummer|foedselsnummer'),
  ...s('national_id_dk', 'cpr|cpr nummer|cprnr|cpr nr'),
  ...s('national_id_fi', 'hetu|henkilotunnus|sotu|henkilotunnus'),
  ...s('nino_uk', 'nino|national insurance|national insurance number|ni number'),
  ...s('ssn_us', 'ssn|social security|social security number|soc sec|soc sec id|socsec|social sec'),
  ...s('national_id', 'national id|nationalid|national identity|id number|identity number|personal number|personal id|tax id|identification number|id card'),
  ...s('iban', 'iban|bank account|account number|kontonummer|tilinumero|bankkonto|kontonr'),
  ...s('payment_card', 'credit card|creditcard|card number|cardnumber|cc number|ccnumber|cc num|pan|kortnummer|kreditkort|card no|kreditkarte'),
  ...s('ip_address', 'ip|ip address|ipaddress|ip addr|client ip|remote addr|remote ip|source ip|src ip|ipv4|ipv6'),
  ...s('mac_address', 'mac|mac address|macaddress|hwaddr|mac addr'),
  ...s('date_of_birth', 'birth|birthday|birthdate|birth date|date of birth|dateofbirth|dob|born|fodelsedatum|fodelsedag|fodselsdato|fodselsdag|syntymaaika|syntymapaiva|geburtsdatum|geburtstag|date de naissance|fecha de nacimiento|data di nascita|data de nascimento|data urodzenia|geboortedatum'),
  ...s('postal_code', 'zip|zipcode|zip code|postcode|post code|postal code|postalcode|postnummer|postnr|postinumero|plz|postleitzahl|code postal|codigo postal|cap|cep'),
  ...s('location', 'city|town|street address|streetaddress|home address|address line|street|suburb|municipality|village|stad|ort|kommune|kommun|kaupunki|osoite|adress|gatuadress|gateadresse|stadt|strasse|ville|rue|ciudad|direccion|calle|citta|indirizzo|cidade|endereco|miasto|ulica|woonplaats|birthplace|place of birth'),
  ...s('location', 'address|addr|address 1|address 2|residence|adresse|location|place', false),
  ...s('coordinates', 'lat|lon|lng|long|latitude|longitude|coordinates|coords|geo|gps|latlon|latlng|lat lon|lat lng'),
  ...s('age', 'age|alder|ålder|ika|alter|age years|edad|eta|idade|wiek'),
  ...s('gender', 'gender|sex|kon|kjonn|kon|sukupuoli|geschlecht|sexe|genre|sexo|sesso|plec'),
];

/** Splits `GivenName`, `date_of_birth`, `E-Mail`, `soc_sec_id` into folded words. */
export function headerWords(header: string): string[] {
  return foldWord(header.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2'))
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !/^\d+$/.test(w));
}

function contains(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** The most specific keyword in the header (longest phrase; ties go to the earlier entry), or null. */
export function matchHeader(header: string): HeaderHint | null {
  const words = headerWords(header);
  if (words.length === 0) return null;
  const joined = words.join('');
  let best: HeaderHint | null = null;
  let bestLen = 0;
  for (const [kind, keyword, strong] of KEYWORDS) {
    const phrase = keyword.split(' ');
    const hit = contains(words, phrase) || (phrase.length > 1 && joined === phrase.join(''));
    // The most specific keyword wins; spaces do not count, so "email" beats its spelling "e mail".
    const len = keyword.replace(/ /g, '').length;
    if (hit && len > bestLen) {
      best = { kind, keyword, strong };
      bestLen = len;
    }
  }
  return best;
}

/** The Art. 9 category a header names (`diagnosis` → health), or null. */
export function matchSpecialHeader(header: string): { category: string; keyword: string } | null {
  const words = headerWords(header);
  for (const c of SPECIAL_CATEGORIES) {
    for (const h of c.headers) {
      if (contains(words, headerWords(h))) return { category: c.category, keyword: h };
    }
  }
  return null;
}
