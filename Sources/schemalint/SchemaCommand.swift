import ArgumentParser
import Foundation
import Linter

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the Drizzle schema as schemalint reads it, shaped like a drizzle-kit version 7 snapshot.")

    @Argument(help: "The repository folder.")
    var path: String = "."

    @Option(help: "Use this configuration file instead of discovering .schemalint.yml.")
    var config: String?

    func run() throws {
        let output = try SchemaPrinting.run(folder: URL(fileURLWithPath: path).standardizedFileURL, explicitConfigPath: config)
        for line in output.diagnostics {
            printError("warning: \(line)\n")
        }
        try printOutput(output.json, terminator: "")
    }
}
