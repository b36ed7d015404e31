/// The entry point of the TypeScript reader.
public enum TypeScriptParser {
    /// Reads a TypeScript (or JavaScript without JSX) file. Never fails: what cannot be read becomes a
    /// `ParseDiagnostic` and reading resumes at the next statement. Pure and thread-safe.
    public static func parse(_ bytes: [UInt8], dialect: SourceDialect = .typeScript) -> SourceFileSyntax {
        var parser = Parser(bytes: bytes, dialect: dialect)
        return parser.parseSourceFile()
    }

    /// Convenience for tests and tools: reads the UTF-8 bytes of `source`.
    public static func parse(_ source: String, dialect: SourceDialect = .typeScript) -> SourceFileSyntax {
        parse(Array(source.utf8), dialect: dialect)
    }
}
