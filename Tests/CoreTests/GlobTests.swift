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
