// libFuzzer harness `drizzle`: the input is both a Drizzle schema file and a `drizzle.config.ts`, evaluated
// statically as the loader does (config → schema files → SchemaModel). A small helper module beside it gives
// imports something to resolve to. Besides crashes and hangs, every diagnostic must lie inside its file.
import Drizzle

private let helper = """
    import { pgTable, text, integer, uuid } from "drizzle-orm/pg-core";
    export const id = () => uuid("id").primaryKey().defaultRandom();
    export const users = pgTable("users", { id: id(), name: text("name").notNull(), age: integer() });
    export const prefix = "app_";
    """

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDrizzle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var provider = InMemorySourceProvider(files: ["src/db/helpers.ts": helper])
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    provider.files["src/db/schema.ts"] = bytes
    provider.files["drizzle.config.ts"] = bytes
    if case .success(let config) = DrizzleConfigReader.read(path: "drizzle.config.ts", provider: provider) {
        _ = config.outFolder(provider: provider)
        _ = DrizzleConfigReader.schemaFiles(config, provider: provider)
    }
    let result = DrizzleSchemaReader.read(entryFiles: ["src/db/schema.ts"], provider: provider)
    for diagnostic in result.diagnostics {
        guard let file = provider.files[diagnostic.location.path] else { continue }
        precondition(diagnostic.location.range.upperBound <= file.count, "diagnostic located past the end of its file")
    }
    return 0
}
