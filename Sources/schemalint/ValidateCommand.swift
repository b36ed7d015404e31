import ArgumentParser
import Foundation
import Linter

extension ValidateFormat: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate JSON files against a JSON Schema (exit 0 all valid, 1 any invalid, 2 unusable schema).")

    @Option(help: "The JSON Schema file (drafts 2020-12, 2019-09, draft-07; local $refs are loaded, nothing is fetched).")
    var schema: String

    @Argument(help: "The JSON files to validate.")
    var data: [String]

    @Option(help: "Output format: text or json.")
    var format: ValidateFormat = .text

    func run() throws {
        let outcome = ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: data, format: format))
        if !outcome.standardError.isEmpty { printError(outcome.standardError) }
        if !outcome.standardOutput.isEmpty { try printOutput(outcome.standardOutput, terminator: "") }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
