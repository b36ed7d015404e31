import ArgumentParser
import Foundation
import Core
import Linter

/// The command line: parses arguments into plain options and hands them to the library.
///
/// Every subcommand names itself (`commandName`): ArgumentParser derives a missing name from the type's name with
/// `String(describing:)`, whose dynamic casts scan the static binary's conformance records, 9.5 M instructions of
/// a 290 M-instruction `check --staged` on the monorepo benchmark.
struct Schemalint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemalint",
        abstract: "Lint Drizzle schemas, drizzle-kit migrations and Gist JSON for integrity problems.",
        version: CheckRunner.toolVersion,
        subcommands: [Check.self, Rules.self, Explain.self, Init.self, Schema.self, Validate.self, Baseline.self, InstallHook.self, ReplayCommand.self, LSP.self],
        defaultSubcommand: Check.self)
}

/// Runs the command and maps every outcome onto SPEC §8's exit codes: parse and usage errors are 2, never 64,
/// and nothing ends in a crash or a stack trace.
@main
enum Main {
    static func main() {
        StandardStream.prepare()
        if let options = QuickCheckArguments.parse(Array(CommandLine.arguments.dropFirst())) {
            // What `Check.run` and the catches below do with the same options.
            do throws(UsageFailure) {
                StandardStream.exitProcess(try CheckRunner(options: options).run())
            } catch {
                printError("error: \(error.message)\n")
                StandardStream.exitProcess(2)
            }
        }
        do {
            var command = try Schemalint.parseAsRoot()
            try command.run()
            StandardStream.exitProcess(0)
        } catch let code as ExitCode {
            StandardStream.exitProcess(code.rawValue)
        } catch let failure as UsageFailure {
            printError("error: \(failure.message)\n")
            StandardStream.exitProcess(2)
        } catch {
            let code = Schemalint.exitCode(for: error)
            if code == .success {
                // `--help`, `--version`: output like any other, so a failed write is exit 2 too.
                do {
                    try printOutput(Schemalint.fullMessage(for: error))
                } catch {
                    printError("error: \(error.message)\n")
                    StandardStream.exitProcess(2)
                }
                StandardStream.exitProcess(0)
            }
            printError(Schemalint.fullMessage(for: error) + "\n")
            StandardStream.exitProcess(2)
        }
    }
}
