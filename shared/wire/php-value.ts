// A PHP value as http_build_query sees it. PHP arrays are ordered maps whose keys may be
// integers or strings; a JS object would reorder integer-like keys, so ordered data is a Map
// (or an array of pairs for lists). Plain objects are accepted for convenience when no key is
// integer-like.
export type PhpScalar = string | number | boolean | null | undefined
export type PhpArray = Map<string | number, PhpValue> | PhpValue[] | { [key: string]: PhpValue }
export type PhpValue = PhpScalar | PhpArray
