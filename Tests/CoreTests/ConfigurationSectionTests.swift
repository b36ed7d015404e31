import Core
import Testing

/// A domain's section of `.schemalint.yml` is read by the section the domain registers; Core knows only its own.
@Suite struct ConfigurationSectionTests {
    /// A section as a domain would write one: a mapping with one key holding a number.
    enum RetrySection: ConfigurationSection {
        static let name = "retry"
        static let keys = ["attempts"]
        static let defaultValue = 3

        static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> Int {
            guard let attempts = try node.fields(of: Self.self)["attempts"] else { return defaultValue }
            let text = try attempts.string()
            guard let number = Int(text), number > 0 else { throw attempts.error("invalid `attempts` `\(text)`; valid: a positive number") }
            return number
        }
    }

    let catalog = RuleCatalog(entries: [])
    var reader: ConfigurationReader {
        ConfigurationReader(catalog: catalog, sections: [RetrySection.self] + [RuleSettingsSection.self, IgnoreSection.self, BaselineSection.self])
    }

    private func error(_ yaml: String) throws -> ConfigurationError {
        try #require(throws: ConfigurationError.self) { try reader.read(Array(yaml.utf8), file: ".schemalint.yml") }
    }

    @Test func registeredSectionIsReadIntoItsTypedValue() throws {
        let configuration = try reader.read(Array("retry:\n  attempts: 5\nbaseline: base.json\n".utf8), file: ".schemalint.yml")
        #expect(configuration[RetrySection.self] == 5)
        #expect(configuration.baseline == "base.json")
    }

    @Test func absentSectionIsItsDefault() throws {
        #expect(try reader.read(Array("baseline: b.json\n".utf8), file: ".schemalint.yml")[RetrySection.self] == 3)
        #expect(try reader.read([], file: ".schemalint.yml")[RetrySection.self] == 3)
    }

    @Test func unknownKeyInASectionIsLocatedWithASuggestion() throws {
        let failure = try error("retry:\n  attempt: 5\n")
        #expect((failure.line, failure.column) == (2, 3))
        #expect(failure.message == "unknown `retry` key `attempt` (did you mean `attempts`?)")
    }

    @Test func wrongTypeIsLocatedAtTheValue() throws {
        let list = try error("retry:\n  attempts: [1, 2]\n")
        #expect((list.line, list.column, list.message) == (2, 13, "expected a string, found a list"))
        let notMapping = try error("retry: [1]\n")
        #expect((notMapping.line, notMapping.column, notMapping.message) == (1, 8, "expected a mapping, found a list"))
    }

    @Test func sectionsOwnValidationMessageIsLocated() throws {
        let failure = try error("\nretry:\n  attempts: none\n")
        #expect((failure.line, failure.column) == (3, 13))
        #expect(failure.message == "invalid `attempts` `none`; valid: a positive number")
        #expect(failure.description == ".schemalint.yml:3:13: invalid `attempts` `none`; valid: a positive number")
    }

    /// A key no registered section owns is unknown, even when another reader knows it (`drizzle` is Drizzle's).
    @Test func onlyRegisteredSectionsAreTopLevelKeys() throws {
        let failure = try error("drizzle:\n  config: x.ts\n")
        #expect((failure.line, failure.column) == (1, 1))
        #expect(failure.message == "unknown top-level key `drizzle`; valid: retry, rules, ignore, baseline")
    }
}
