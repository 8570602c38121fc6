// TypeScript types → JSON Schema, for the documented response shapes of the OpenAPI document:
// the DTO interfaces of apps/web/src/lib/api-types.ts (and the engine types they use) are read
// with the TypeScript checker, so the document follows the same types the handlers return.
// Named interfaces and aliases become components (#/components/schemas/Name); generics inline.
import path from "node:path";
import ts from "typescript";

type TSchema = Record<string, unknown>;

export interface TTypeSchemas {
  /** Components, by name. */
  schemas: Record<string, TSchema>;
  /** One schema per requested expression, in the same order. */
  results: TSchema[];
}

/** Converts each TS type expression (written as if inside api-types.ts) to a JSON Schema. */
export function typeExpressionsToSchemas(apiTypesFile: string, expressions: string[]): TTypeSchemas {
  const virtual = path.join(path.dirname(apiTypesFile), "__openapi_responses__.ts");
  const source = `${ts.sys.readFile(apiTypesFile)}\n${expressions.map((e, i) => `export type __R${i} = ${e};`).join("\n")}\n`;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true, noEmit: true, skipLibCheck: true, allowImportingTsExtensions: true, types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, ...rest) =>
    path.resolve(file) === virtual ? ts.createSourceFile(file, source, lang) : getSourceFile(file, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === virtual || fileExists(file);
  const program = ts.createProgram([virtual], options, host);
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(virtual)!;
  const aliases = new Map<string, ts.Type>();
  sourceFile.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node) && node.name.text.startsWith("__R")) aliases.set(node.name.text, checker.getTypeAtLocation(node.name));
  });

  const schemas: Record<string, TSchema> = {};
  const named = new Map<ts.Type, string>();

  const nameOf = (type: ts.Type): string | null => {
    // Generic instances (TPage<T>) and anonymous shapes are inlined.
    if (type.aliasSymbol) return type.aliasTypeArguments?.length ? null : type.aliasSymbol.name;
    const symbol = type.getSymbol();
    if (symbol && symbol.flags & ts.SymbolFlags.Interface && !((type as ts.TypeReference).typeArguments?.length)) return symbol.name;
    return null;
  };

  const refTo = (type: ts.Type, base: string): TSchema => {
    let name = named.get(type);
    if (!name) {
      name = base;
      for (let i = 2; schemas[name]; i++) name = `${base}_${i}`;
      named.set(type, name);
      schemas[name] = {}; // placeholder: recursive types end at the $ref
      schemas[name] = convert(type, 0, true);
    }
    return { $ref: `#/components/schemas/${name}` };
  };

  function convert(type: ts.Type, depth: number, inlineTop = false): TSchema {
    if (depth > 20) return {};
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.StringLiteral) return { type: "string", const: (type as ts.StringLiteralType).value };
    if (f & ts.TypeFlags.NumberLiteral) return { type: "number", const: (type as ts.NumberLiteralType).value };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: "boolean", const: (type as { intrinsicName?: string }).intrinsicName === "true" };
    if (f & ts.TypeFlags.String || f & ts.TypeFlags.TemplateLiteral) return { type: "string" };
    if (f & ts.TypeFlags.Number) return { type: "number" };
    if (f & ts.TypeFlags.Boolean) return { type: "boolean" };
    if (f & ts.TypeFlags.Null) return { type: "null" };
    if (f & ts.TypeFlags.BigInt) return { type: "integer" };
    if (!inlineTop && (type.flags & ts.TypeFlags.Object || type.isUnion() || type.isIntersection())) {
      const name = nameOf(type);
      if (name && !name.startsWith("__")) return refTo(type, name);
    }
    if (type.isUnion()) {
      const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
      const literals = members.filter((t) => t.flags & ts.TypeFlags.StringLiteral) as ts.StringLiteralType[];
      const bools = members.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
      const rest = members.filter((t) => !literals.includes(t as ts.StringLiteralType) && !bools.includes(t));
      const parts: TSchema[] = [];
      if (literals.length) parts.push({ type: "string", enum: literals.map((l) => l.value) });
      if (bools.length === 2) parts.push({ type: "boolean" });
      else parts.push(...bools.map((b) => convert(b, depth + 1)));
      parts.push(...rest.map((t) => convert(t, depth + 1)));
      if (parts.length === 1) return parts[0]!;
      // string | null → { type: ["null", "string"] }: the compact form when every part is a bare type.
      const bare = parts.every((p) => Object.keys(p).length === 1 && typeof p.type === "string");
      return bare ? { type: parts.map((p) => p.type as string) } : { anyOf: parts };
    }
    if (checker.isArrayType(type)) return { type: "array", items: convert(checker.getTypeArguments(type as ts.TypeReference)[0]!, depth + 1) };
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => convert(t, depth + 1));
      return { type: "array", prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    if (type.getCallSignatures().length) return {};
    // Objects and intersections: their (apparent) properties.
    const properties: Record<string, TSchema> = {};
    const required: string[] = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = decl ? checker.getTypeOfSymbolAtLocation(prop, decl) : checker.getTypeOfSymbol(prop);
      properties[prop.name] = convert(propType, depth + 1);
      const doc = ts.displayPartsToString(prop.getDocumentationComment(checker)).trim();
      if (doc) properties[prop.name] = { ...properties[prop.name], description: doc };
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.name);
    }
    const schema: TSchema = { type: "object", properties };
    if (required.length) schema.required = required;
    const index = type.getStringIndexType();
    if (index) schema.additionalProperties = convert(index, depth + 1);
    return schema;
  }

  const results = expressions.map((_, i) => convert(aliases.get(`__R${i}`)!, 0, true));
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]!]));
  return { schemas: sorted, results };
}
