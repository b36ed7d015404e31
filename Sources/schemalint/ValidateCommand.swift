import ArgumentParser
import Foundation
import JSON
import SchemaValidation

extension ValidateFormat: ExpressibleByArgument {}
extension AssertionMode: ExpressibleByArgument {}
extension SchemaDraft: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON files against a JSON Schema (exit 0 all valid, 1 any invalid, 2 unusable schema).")

    @Option(help: "The JSON Schema file (drafts 2020-12, 2019-09, draft-07, draft-06, draft-04; $refs resolve to embedded `$id`s, then local files; nothing is fetched).")
    var schema: String

    @Argument(help: "The JSON files to validate.")
    var data: [String]

    @Option(help: "Output format: text or json.")
    var format: ValidateFormat = .text

    @Option(help: "`format` keywords: assert (the default, as check-jsonschema does) or annotate (as the specification's default).")
    var formats: AssertionMode = .assert

    @Option(help: "`contentEncoding`/`contentMediaType`: annotate (the default, as every draft says) or assert.")
    var content: AssertionMode = .annotate

    @Option(help: "The draft of a schema without `$schema`: 2020-12, 2019-09, draft-07, draft-06 or draft-04.")
    var draft: SchemaDraft = .draft2020_12

    @Option(name: .customLong("schema-dir"),
            help: "A folder of local copies of remote schemas, found by their `$id` or by the URL's path (repeatable).")
    var schemaDirs: [String] = []

    func run() throws {
        let outcome = ValidateRunner.run(ValidateOptions(
            schemaPath: schema, dataPaths: data, format: format, formats: formats, content: content, defaultDraft: draft,
            schemaFolders: schemaDirs))
        if !outcome.standardError.isEmpty { printError(outcome.standardError) }
        if !outcome.standardOutput.isEmpty { try printOutput(outcome.standardOutput, terminator: "") }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
