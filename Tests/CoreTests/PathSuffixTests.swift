import Core
import Testing

/// `hasPathSuffix` replaces `hasSuffix` on hot path scans: it must agree with it on paths, comparing bytes.
@Suite struct PathSuffixTests {
    @Test(arguments: [
        ("packages/db/drizzle.config.ts", "/drizzle.config.ts", true),
        ("drizzle.config.ts", "/drizzle.config.ts", false),
        ("src/schema.d.ts", ".d.ts", true),
        ("src/schema.ts", ".d.ts", false),
        ("a.ts", "", true),
        ("", ".ts", false),
        ("ts", ".ts", false),
        ("données/schéma.ts", "schéma.ts", true),
        ("données/schéma.ts", "schema.ts", false),
    ])
    func agreesWithHasSuffixOnPaths(path: String, suffix: String, expected: Bool) {
        #expect(path.hasPathSuffix(suffix) == expected)
        #expect(path.hasSuffix(suffix) == expected)
    }

    /// A decomposed `é` (e + U+0301) is a different path from a composed one for git, though `hasSuffix` calls
    /// them equal.
    @Test func comparesBytesNotCanonicalEquivalence() {
        let decomposed = "notes/caf\u{65}\u{301}.ts"
        #expect(decomposed.hasSuffix("caf\u{e9}.ts"))
        #expect(!decomposed.hasPathSuffix("caf\u{e9}.ts"))
    }
}
