// The pure value transformations behind the value operations, one module per family.
export { trimValue, changeCase, makeReplacer, isNullToken, normalizeUnicode } from './text';
export { castNumber } from './numbers';
export { castDate, parseDate, parseDateTime, formatDateTime, type DateTimeParts } from './dates';
export { castBoolean } from './booleans';
export { stripHtml, decodeEntities } from './html';
export { fixMojibake } from './mojibake';
export { splitValue } from './split';
export { compileUserRegex, escapeRegex } from './regex';
export { valueTransform, type ValueTransform } from './valueTransform';
