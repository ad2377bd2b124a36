// Word lists detection looks values up in: given names, surnames and cities (generated from faker's
// locale data, plus major cities in their own spellings), street words, and the value vocabularies
// of the special categories of GDPR Art. 9.
import { CITY_NAMES, GIVEN_NAMES, SURNAMES } from './vocabData';

/** Lower-cases and strips diacritics, so `Malmö`, `MALMÖ` and `malmo` meet. */
export function foldWord(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/** Capital cities and the largest cities, in English and their own spellings (faker's lists are per locale and miss some). */
const MAJOR_CITIES = `stockholm|göteborg|gothenburg|malmö|uppsala|västerås|örebro|linköping|helsingborg|jönköping|norrköping|lund|umeå|
oslo|bergen|trondheim|stavanger|drammen|kristiansand|tromsø|københavn|copenhagen|aarhus|århus|odense|aalborg|esbjerg|randers|
helsinki|helsingfors|espoo|tampere|vantaa|oulu|turku|åbo|jyväskylä|reykjavík|reykjavik|akureyri|tórshavn|nuuk|
london|birmingham|manchester|glasgow|edinburgh|liverpool|leeds|bristol|cardiff|belfast|dublin|cork|sheffield|bradford|leicester|coventry|
nottingham|newcastle|hull|kingston upon hull|portsmouth|southampton|plymouth|derby|stoke-on-trent|wolverhampton|swansea|aberdeen|dundee|oxford|
cambridge|york|bath|brighton|reading|norwich|exeter|sunderland|luton|milton keynes|preston|blackpool|bournemouth|ipswich|peterborough|
paris|marseille|lyon|toulouse|nice|nantes|strasbourg|bordeaux|lille|bruxelles|brussels|brussel|antwerpen|antwerp|gent|
amsterdam|rotterdam|den haag|the hague|utrecht|eindhoven|luxembourg|berlin|hamburg|münchen|munich|köln|cologne|
frankfurt|frankfurt am main|stuttgart|düsseldorf|leipzig|dresden|hannover|nürnberg|bremen|wien|vienna|graz|linz|salzburg|
zürich|zurich|genève|geneva|basel|bern|lausanne|madrid|barcelona|valencia|sevilla|seville|zaragoza|málaga|bilbao|
lisboa|lisbon|porto|roma|rome|milano|milan|napoli|naples|torino|turin|palermo|genova|bologna|firenze|florence|venezia|venice|
athens|αθήνα|thessaloniki|warszawa|warsaw|kraków|krakow|łódź|wrocław|poznań|gdańsk|praha|prague|brno|bratislava|
budapest|ljubljana|zagreb|beograd|belgrade|sarajevo|bucurești|bucharest|sofia|софия|tallinn|riga|rīga|vilnius|
kyiv|kiev|київ|moskva|moscow|москва|sankt-peterburg|saint petersburg|istanbul|ankara|izmir|
new york|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|austin|seattle|boston|
washington|miami|atlanta|denver|detroit|toronto|montréal|montreal|vancouver|calgary|ottawa|québec|mexico city|ciudad de méxico|
são paulo|sao paulo|rio de janeiro|brasília|buenos aires|montevideo|santiago|lima|bogotá|caracas|
tokyo|tōkyō|東京|osaka|大阪|kyoto|beijing|北京|shanghai|上海|hong kong|香港|seoul|서울|taipei|singapore|bangkok|jakarta|manila|
delhi|new delhi|mumbai|bangalore|bengaluru|kolkata|chennai|karachi|dhaka|tehran|dubai|riyadh|cairo|lagos|nairobi|
johannesburg|cape town|durban|pretoria|tunis|casablanca|algiers|sydney|melbourne|brisbane|perth|adelaide|auckland|wellington`;

/** Common words that also occur as names in the lists (they would make ordinary text look like names). */
const NOT_NAMES = new Set(['de', 'la', 'le', 'van', 'von', 'da', 'di', 'del', 'der', 'den', 'du', 'el', 'al', 'may', 'will', 'mark',
  'art', 'bill', 'grant', 'king', 'best', 'park', 'green', 'white', 'young', 'long', 'hall', 'wood', 'gay', 'page', 'so', 'an', 'in', 'on']);

let cache: { given: Set<string>; surnames: Set<string>; cities: Set<string> } | null = null;

function setOf(list: string, drop: Set<string> = new Set()): Set<string> {
  const s = new Set<string>();
  for (const w of list.split('|')) {
    const t = w.trim();
    if (!t || drop.has(t)) continue;
    s.add(t);
    s.add(foldWord(t));
  }
  return s;
}

/** The vocabularies, built on first use (about 40,000 words). */
export function vocab(): { given: Set<string>; surnames: Set<string>; cities: Set<string> } {
  cache ??= {
    given: setOf(GIVEN_NAMES, NOT_NAMES),
    surnames: setOf(SURNAMES, NOT_NAMES),
    cities: setOf(`${CITY_NAMES}|${MAJOR_CITIES.replace(/\n/g, '')}`),
  };
  return cache;
}

/** Lower-case particles that sit inside names (`Ludwig van Beethoven`, `María de la Cruz`). */
export const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'af', 'av', 'zu', 'ter', 'ten', 'bin', 'ibn', 'al', 'y', 'e']);

/** Words of street addresses (en, sv, no, da, fi, de, fr, es, it, pt, nl, pl, cs, hu). */
export const STREET_WORDS = new Set(`street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|square|sq|
terrace|close|crescent|highway|hwy|parkway|pkwy|box|p.o.|po|apt|suite|unit|floor|gatan|gata|vägen|väg|torget|gränd|allén|
veien|vei|gate|gaten|gade|vej|stræde|alle|allé|katu|tie|kuja|polku|tori|straße|strasse|str|weg|allee|platz|gasse|ring|damm|
rue|chemin|impasse|quai|cours|route|calle|avenida|camino|paseo|plaza|carrera|via|viale|piazza|corso|vicolo|rua|travessa|largo|
praça|estrada|straat|laan|plein|gracht|ulica|ul|aleja|al|ulice|náměstí|třída|utca|út|tér`.replace(/\n/g, '').split('|'));

/** Values that name a gender or sex (a quasi-identifier). */
export const GENDER_VALUES = new Set(['male', 'female', 'm', 'f', 'man', 'woman', 'men', 'women', 'other', 'diverse', 'x', 'nonbinary', 'non-binary',
  'kvinna', 'kvinne', 'kvinde', 'mand', 'mann', 'mies', 'nainen', 'männlich', 'weiblich', 'divers', 'homme', 'femme', 'hombre', 'mujer',
  'maschio', 'femmina', 'masculino', 'feminino', 'masculin', 'féminin', 'k', 'w', 'h', 'u', 'unknown']);

/** Art. 9 categories and the header words (many languages) and cell values that reveal each. */
export const SPECIAL_CATEGORIES: ReadonlyArray<{ category: string; headers: readonly string[]; values: readonly string[] }> = [
  {
    category: 'health',
    headers: ['health', 'diagnosis', 'diagnoses', 'diagnose', 'diagnos', 'medical', 'disease', 'illness', 'medication', 'medicine',
      'icd', 'icd10', 'allergy', 'allergies', 'disability', 'blood type', 'bloodtype', 'hiv', 'pregnancy', 'pregnant', 'symptom',
      'symptoms', 'hälsa', 'sjukdom', 'helse', 'sykdom', 'sygdom', 'helbred', 'terveys', 'sairaus', 'diagnoosi', 'gesundheit', 'krankheit',
      'santé', 'maladie', 'salud', 'enfermedad', 'salute', 'malattia', 'saúde', 'doença'],
    values: ['diabetes', 'asthma', 'hypertension', 'cancer', 'depression', 'anxiety', 'hiv', 'aids', 'epilepsy', 'migraine', 'covid-19', 'covid',
      'influenza', 'pneumonia', 'dementia', 'alzheimer', 'arthritis', 'obesity', 'schizophrenia', 'bipolar disorder', 'adhd', 'autism',
      'tuberculosis', 'hepatitis', 'stroke', 'copd', 'eczema', 'psoriasis', 'multiple sclerosis', 'parkinson', 'anemia', 'insulin',
      'metformin', 'pregnant', 'a+', 'a-', 'b+', 'b-', 'ab+', 'ab-', 'o+', 'o-'],
  },
  {
    category: 'religion',
    headers: ['religion', 'religious', 'faith', 'belief', 'beliefs', 'denomination', 'confession', 'konfession', 'religion', 'trosamfund',
      'uskonto', 'glaube', 'religión', 'religione', 'religião'],
    values: ['christian', 'christianity', 'catholic', 'roman catholic', 'protestant', 'lutheran', 'orthodox', 'muslim', 'islam', 'sunni', 'shia',
      'jewish', 'judaism', 'hindu', 'hinduism', 'buddhist', 'buddhism', 'sikh', 'atheist', 'agnostic', 'none', 'jain', 'baptist', 'methodist',
      'anglican', 'evangelical', 'mormon', 'kristen', 'katolik', 'muslimsk', 'judisk', 'ateist', 'evangelisch', 'katholisch'],
  },
  {
    category: 'ethnicity',
    headers: ['ethnicity', 'ethnic', 'ethnic group', 'race', 'racial', 'ethnic origin', 'etnicitet', 'etnisitet', 'etnisk', 'etninen', 'ethnie',
      'ethnizität', 'etnia', 'raza', 'origine ethnique'],
    values: ['white', 'black', 'asian', 'hispanic', 'latino', 'latina', 'caucasian', 'african american', 'native american', 'pacific islander',
      'mixed', 'multiracial', 'arab', 'roma', 'sami', 'indigenous', 'white british', 'black african', 'black caribbean', 'south asian',
      'east asian', 'american indian', 'alaska native'],
  },
  {
    category: 'political opinion',
    headers: ['political', 'politics', 'party', 'political party', 'party affiliation', 'politisk', 'parti', 'poliittinen',
      'puolue', 'partei', 'politique', 'partido', 'partito'],
    values: ['democrat', 'republican', 'labour', 'conservative', 'liberal', 'green', 'socialist', 'social democrat', 'libertarian',
      'independent', 'communist', 'socialdemokraterna', 'moderaterna', 'sverigedemokraterna', 'vänsterpartiet', 'centerpartiet',
      'arbeiderpartiet', 'høyre', 'socialdemokratiet', 'venstre', 'kokoomus', 'cdu', 'spd', 'afd', 'tory', 'lib dem'],
  },
  { category: 'trade union', headers: ['union', 'trade union', 'union member', 'union membership', 'fackförening', 'fackmedlem', 'fagforening',
    'ammattiliitto', 'gewerkschaft', 'syndicat', 'sindicato', 'sindacato'], values: [] },
  { category: 'sexual orientation', headers: ['sexual orientation', 'sexuality', 'sexual', 'sexuell läggning', 'legning',
    'seksuel orientering', 'seksuaalinen suuntautuminen', 'sexuelle orientierung', 'orientation sexuelle'],
    values: ['heterosexual', 'homosexual', 'gay', 'lesbian', 'bisexual', 'asexual', 'pansexual', 'queer', 'straight'] },
  { category: 'biometric/genetic', headers: ['biometric', 'biometrics', 'fingerprint', 'face template', 'face encoding', 'retina',
    'voiceprint', 'genetic', 'genotype', 'genome', 'dna', 'snp', 'biometri', 'fingeravtryck', 'genetisk', 'biometrisch', 'genetisch'], values: [] },
];
