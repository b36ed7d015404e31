import Core
import Testing

/// `schemalint explain` and the configuration reader suggest ids close to an unknown one.
@Suite struct RuleSuggestionTests {
    let catalog = (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: [])

    @Test(arguments: [
        ("unsafe-index-creation", ["migration/unsafe-index-creation"]),  // the name without its domain
        ("drizzle/secret", ["gist/secret"]),                             // the name under the wrong domain
        ("gist/secrets", ["gist/secret"]),                               // a typo in the id
        ("migration/unsafe-foriegn-key", ["migration/unsafe-foreign-key"]),
        ("timestamp", ["schema/timestamp-without-timezone"]),           // part of a name
        ("xyz", []),
    ])
    func suggestsCloseIds(_ text: String, _ expected: [String]) {
        #expect(catalog.suggestions(for: text) == expected)
    }
}
