import Core
import Drizzle
import DrizzleRules
import Gists
import Linter
import MigrationRules
import Migrations
import Replay
import SyncRules
import Testing

/// `.schemalint.yml` errors name the file, line and column of the YAML node, and the valid choices.
@Suite struct ConfigurationTests {
    let reader = ConfigurationReader(catalog: (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: []))

    private func error(_ yaml: String) -> ConfigurationError? {
        do {
            _ = try reader.read(Array(yaml.utf8), file: ".schemalint.yml")
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownRuleIdIsLocatedWithASuggestion() throws {
        let failure = try #require(error("rules:\n  gist/secrets: off\n"))
        #expect((failure.line, failure.column) == (2, 3))
        #expect(failure.message == "unknown rule `gist/secrets` (did you mean `gist/secret`?)")
    }

    @Test func unknownTopLevelKeyListsOrSuggests() throws {
        let failure = try #require(error("drizle:\n  config: x.ts\n"))
        #expect((failure.line, failure.column) == (1, 1))
        #expect(failure.message.contains("did you mean `drizzle`?"))
    }

    @Test func syncEntriesAreReadWithTheirPlacesInTheFile() throws {
        let yaml = "sync:\n  - { gist: gists/state.json, pointer: \"/subscriptions/*\", table: subscriptions, key: id }\n"
        let configuration = try reader.read(Array(yaml.utf8), file: ".schemalint.yml")
        let mapping = try #require(configuration.sync.first)
        #expect(mapping.source == .data("gists/state.json"))
        #expect(mapping.pointer == ["subscriptions", "*"])
        #expect((mapping.table, mapping.key) == ("subscriptions", "id"))
        #expect(String(decoding: Array(yaml.utf8)[mapping.tableRange], as: UTF8.self) == "subscriptions")
    }

    @Test func syncEntryNeedsOneSourceAndATable() throws {
        let both = try #require(error("sync:\n  - { gist: a.json, schema: a.schema.json, pointer: /x/*, table: t }\n"))
        #expect((both.line, both.column) == (2, 5))
        #expect(both.message.contains("exactly one of `gist`"))
        let noTable = try #require(error("sync:\n  - { gist: a.json, pointer: /x/* }\n"))
        #expect(noTable.message.contains("`table`"))
        let badPointer = try #require(error("sync:\n  - { gist: a.json, pointer: x/*, table: t }\n"))
        #expect(badPointer.message.contains("JSON pointer"))
    }

    @Test func badLevelListsTheChoices() throws {
        let failure = try #require(error("rules:\n  gist/secret: loud\n"))
        #expect((failure.line, failure.column) == (2, 16))
        #expect(failure.message.contains("off, info, warning, error"))
    }

    @Test func optionOfTheWrongTypeIsLocated() throws {
        let failure = try #require(error("rules:\n  gist/size-limit:\n    errorBytes: lots\n"))
        #expect((failure.line, failure.column) == (3, 17))
        #expect(failure.message.contains("expected integer"))
    }

    @Test func unknownOptionNamesTheValidOnes() throws {
        let failure = try #require(error("rules:\n  gist/secret:\n    allowed: []\n"))
        #expect(failure.message.contains("did you mean `allow`?"))
    }

    @Test func invalidYAMLIsLocated() throws {
        let failure = try #require(error("rules:\n  gist/secret: [off\n"))
        #expect(failure.line >= 2)
        #expect(failure.message.hasPrefix("invalid YAML"))
    }

    @Test func validConfigurationIsTyped() throws {
        let configuration = try reader.read(Array("""
            gists:
              data: ["state/**/*.json"]
              map: { "state/a.json": "state/a.schema.json" }
            highFrequencyTables: ["*_events"]
            rules:
              gist/secret:
                severity: warning
                allow: ["/examples/0/token"]
              gist/size-limit: off
            ignore:
              - "legacy/**"
              - { rule: gist/secret, path: state/a.json, pointer: /token }
            """.utf8), file: ".schemalint.yml")
        #expect(configuration.gistData == ["state/**/*.json"])
        #expect(configuration.gistMap == ["state/a.json": "state/a.schema.json"])
        #expect(configuration.rules["gist/secret"]?.level == .on(.warning))
        #expect(configuration.rules["gist/secret"]?.options["allow"] == .strings(["/examples/0/token"]))
        #expect(configuration.rules["gist/size-limit"]?.level == .off)
        #expect(configuration.ignoredPaths == ["legacy/**"])
        #expect(configuration.ignoredFindings.first?.pointer == "/token")
    }

    @Test func emptyFileIsTheDefaultConfiguration() throws {
        let configuration = try reader.read([], file: ".schemalint.yml")
        #expect(configuration.highFrequencyTables == Configuration.defaultHighFrequencyTables)
    }
}

@Suite struct DrizzleCasingConfigurationTests {
    let reader = ConfigurationReader(catalog: (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: []))

    @Test func casingIsReadAndCheckedAgainstDrizzleKitsValues() throws {
        #expect(try reader.read(Array("drizzle:\n  casing: snake_case\n".utf8), file: ".schemalint.yml").drizzleCasing == "snake_case")
        #expect(throws: ConfigurationError.self) { try reader.read(Array("drizzle:\n  casing: kebab\n".utf8), file: ".schemalint.yml") }
    }
}

/// `postgres.version` and `migrations.runner`: read, defaulted, and refused with the value's location when unknown.
@Suite struct LockConfigurationTests {
    let reader = ConfigurationReader(catalog: (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: []))

    @Test func defaultsAreVersion15AndTheFoldersOwnRunner() throws {
        let configuration = try reader.read(Array("migrations:\n  folder: drizzle\n".utf8), file: ".schemalint.yml")
        #expect(configuration.postgresVersion == 15)
        #expect(configuration.migrationRunner == nil)
    }

    @Test func valuesAreRead() throws {
        let text = "postgres:\n  version: 11\nmigrations:\n  runner: per-file-transaction\n"
        let configuration = try reader.read(Array(text.utf8), file: ".schemalint.yml")
        #expect(configuration.postgresVersion == 11)
        #expect(configuration.migrationRunner == .perFileTransaction)
    }

    @Test(arguments: [
        ("postgres:\n  version: 9.6\n", 2, 12, "invalid `version` `9.6`"),
        ("postgres:\n  version: 42\n", 2, 12, "invalid `version` `42`"),
        ("postgres:\n  versoin: 15\n", 2, 3, "unknown `postgres` key `versoin`"),
        ("migrations:\n  runner: flyway\n", 2, 11, "invalid `runner` `flyway`; valid: drizzle-kit, per-file-transaction, none"),
    ])
    func unknownValuesAreLocatedErrors(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try reader.read(Array(text.utf8), file: ".schemalint.yml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}

@Suite struct HostileConfigurationTests {
    let reader = ConfigurationReader(catalog: (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: []))

    @Test(arguments: ["ignore:\n  - '{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'\n",
                      "drizzle:\n  schema: ['src/{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}.ts']\n"])
    func exponentialBraceGlobIsALocatedConfigurationError(_ yaml: String) {
        do {
            _ = try reader.read(Array(yaml.utf8), file: ".schemalint.yml")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("expands to more than 1024 patterns"))
            #expect(error.line > 1)
        }
    }
}

/// Each domain reads its own section (`ConfigurationReader.sections`); the file's syntax and messages are the same.
@Suite struct ConfigurationSectionsTests {
    let reader = ConfigurationReader(catalog: (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: []))

    @Test func unknownTopLevelKeyListsEverySectionInOrder() throws {
        let error = try #require(throws: ConfigurationError.self) { try reader.read(Array("\nzzzzzzzzzzzzzz: 1\n".utf8), file: ".schemalint.yml") }
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message == "unknown top-level key `zzzzzzzzzzzzzz`; valid: drizzle, migrations, postgres, gists, highFrequencyTables, rules, ignore, baseline, database, sync")
    }

    @Test(arguments: [
        ("drizzle:\n  confg: x.ts\n", 2, 3, "unknown `drizzle` key `confg` (did you mean `config`?)"),
        ("migrations:\n  folders: x\n", 2, 3, "unknown `migrations` key `folders` (did you mean `folder`?)"),
        ("gists:\n  dat: [x]\n", 2, 3, "unknown `gists` key `dat` (did you mean `data`?)"),
        ("database:\n  uri: env:X\n", 2, 3, "unknown `database` key `uri` (did you mean `url`?)"),
        ("sync:\n  - { gist: a.json, pointer: /x/*, table: t, column: id }\n", 2, 46, "unknown `sync` entry key `column`; valid: gist, schema, pointer, table, key"),
        ("drizzle:\n  config: [a.ts]\n", 2, 11, "expected a string, found a list"),
        ("drizzle:\n  schema: { a: b }\n", 2, 11, "expected a list of strings, found a mapping"),
        ("migrations: [drizzle]\n", 1, 13, "expected a mapping, found a list"),
        ("gists:\n  map: [a.json]\n", 2, 8, "expected a mapping, found a list"),
        ("highFrequencyTables: { a: b }\n", 1, 22, "expected a list of strings, found a mapping"),
        ("sync: gists/a.json\n", 1, 7, "`sync` must be a list of {gist, pointer, table, key} entries"),
        ("baseline: [a]\n", 1, 11, "expected a string, found a list"),
        ("drizzle:\n  casing: kebab\n", 2, 11, "invalid `casing` `kebab`; valid: snake_case, camelCase"),
    ])
    func sectionErrorsAreLocated(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try reader.read(Array(text.utf8), file: ".schemalint.yml") }
        #expect((error.line, error.column, error.message) == (line, column, message))
    }

    @Test func everySectionIsReadIntoItsDomainsValue() throws {
        let configuration = try reader.read(Array("""
            drizzle: { config: db/drizzle.config.ts, schema: db/schema.ts, queries: ["src/**/*.ts"], casing: camelCase }
            migrations: { folder: db/migrations, since: v1, runner: none }
            postgres: { version: 17 }
            gists: { schemas: ["s/*.json"] }
            highFrequencyTables: ["*_hits"]
            database: { url: "env:DATABASE_URL" }
            baseline: b.json
            """.utf8), file: ".schemalint.yml")
        #expect(configuration.drizzleConfig == "db/drizzle.config.ts" && configuration.schema == ["db/schema.ts"])
        #expect(configuration.queries == ["src/**/*.ts"] && configuration.drizzleCasing == "camelCase")
        #expect(configuration[MigrationsSection.self].folder == "db/migrations" && configuration.migrationsSince == "v1")
        #expect(configuration.migrationRunner == MigrationRunnerSetting.none)
        #expect(configuration.postgresVersion == 17)
        #expect(configuration.gistSchemas == ["s/*.json"] && configuration.gistData == Configuration.defaultGistData)
        #expect(configuration.highFrequencyTables == ["*_hits"])
        #expect(configuration.databaseURL == "env:DATABASE_URL" && configuration.baseline == "b.json")
        #expect(configuration.sync.isEmpty)
    }

    @Test func sectionNamesAreUnique() {
        let names = ConfigurationReader.sections.map { $0.name }
        #expect(Set(names).count == names.count)
    }
}
