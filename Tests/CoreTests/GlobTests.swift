import Core
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("**/schema.ts", "schema.ts", true),
        ("**/schema.ts", "src/db/schema.ts", true),
        ("src/db/schema/**/*.ts", "src/db/schema/a/b.ts", true),
        ("src/db/schema/**/*.ts", "src/db/schema/b.ts", true),
        ("src/db/schema/**/*.ts", "src/db/other/b.ts", false),
        ("./gists/*.json", "gists/a.json", true),
        ("gists/*.json", "gists/sub/a.json", false),
        ("*_events", "usage_events", true),
        ("usage_*", "billing_usage", false),
        ("{a,b}/*.ts", "b/x.ts", true),
        ("file[0-9].sql", "file7.sql", true),
        ("file[!0-9].sql", "file7.sql", false),
        ("legacy/**", "legacy/x/y.json", true),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }
}

/// Globs from configurations and drizzle configs are attacker-controlled: matching stays linear and brace
/// expansion bounded.
@Suite struct HostileGlobTests {
    @Test func manyStarsMatchInLinearTime() {
        let name = String(repeating: "a", count: 200) + ".tsx"
        let stars = Glob(String(repeating: "*", count: 20) + ".ts")
        let start = ContinuousClock.now
        #expect(!stars.matches(name))
        #expect(stars.matches("src/" + name.dropLast()) == false, "`*` stays within one folder")
        #expect(Glob(String(repeating: "*", count: 33)).matches(name))
        #expect(!Glob(String(repeating: "*a", count: 30) + "b").matches(String(repeating: "a", count: 100)))
        #expect(!Glob(String(repeating: "**/", count: 20) + "x.ts").matches(String(repeating: "d/", count: 30) + "y.ts"))
        #expect(Glob(String(repeating: "**/", count: 20) + "x.ts").matches(String(repeating: "d/", count: 30) + "x.ts"))
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    /// Patterns of 64 segments or more leave the one-word fast path: both paths must agree.
    @Test(arguments: [20, 70])
    func longPatternsMatchOnBothPaths(_ folders: Int) {
        let pattern = String(repeating: "d/**/", count: folders / 2) + "*.ts"
        let path = String(repeating: "d/", count: folders / 2) + "x.ts"
        #expect(Glob(pattern).matches(path))
        #expect(Glob(pattern).matches("e/" + path) == false)
        #expect(Glob(pattern).matches(String(repeating: "d/x/", count: folders / 2) + "y.ts"))
        #expect(Glob(pattern).matches(path + "x") == false)
    }

    @Test func bracesThatMultiplyPastTheLimitAreRefused() {
        let glob = Glob(String(repeating: "{a,b}", count: 22))
        #expect(glob.isTooComplex)
        #expect(!glob.matches(String(repeating: "a", count: 22)))
        #expect(!Glob(String(repeating: "{a,b}", count: 10)).isTooComplex, "1,024 alternatives are still fine")
    }
}
