import Core
/// SPEC §1: without a drizzle config, the schema is every `**/schema.ts`, `**/schema/**/*.ts` or `**/db/**/*.ts`
/// file that imports `drizzle-orm/pg-core` (migrations folders and declaration files excluded).
public enum SchemaDiscovery {
    static let patterns = ["**/schema.ts", "**/schema/**/*.ts", "**/db/**/*.ts"]

    public static func defaultSchemaFiles(in folder: String = "", provider: SourceProvider) -> [String] {
        let marker = Array("drizzle-orm/pg-core".utf8)
        return provider.files(under: folder).filter { path in
            guard path.hasSuffix(".ts"), !path.hasSuffix(".d.ts"), !path.contains("node_modules/"),
                  patterns.contains(where: { Glob($0).matches(path) }) else { return false }
            // A byte search first: most candidates are not schemas, and parsing them would cost more.
            guard let bytes = provider.read(path) else { return false }
            return contains(bytes, marker)
        }
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
