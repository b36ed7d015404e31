import ArgumentParser
import Foundation
import Linter

/// The command line: parses arguments into plain options and hands them to the library.
struct Schemalint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemalint",
        abstract: "Lint Drizzle schemas, drizzle-kit migrations and Gist JSON for integrity problems.",
        version: CheckRunner.toolVersion,
        subcommands: [Check.self, Rules.self, Explain.self, Init.self, Schema.self, Validate.self, Baseline.self, InstallHook.self, ReplayCommand.self],
        defaultSubcommand: Check.self)
}

/// Runs the command and maps every outcome onto SPEC §8's exit codes: parse and usage errors are 2, never 64,
/// and nothing ends in a crash or a stack trace.
@main
enum Main {
    static func main() {
        do {
            var command = try Schemalint.parseAsRoot()
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let failure as UsageFailure {
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            exit(2)
        } catch {
            let code = Schemalint.exitCode(for: error)
            if code == .success {
                print(Schemalint.fullMessage(for: error))
                exit(0)
            }
            FileHandle.standardError.write(Data((Schemalint.fullMessage(for: error) + "\n").utf8))
            exit(2)
        }
    }
}
