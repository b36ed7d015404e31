import ArgumentParser
import Foundation
import Linter

struct InstallHook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install the pre-commit hook (schemalint check --staged) into the repository's hooks folder.")

    @Argument(help: "A folder inside the repository (default: the current folder).")
    var path: String = "."

    @Flag(help: "Replace a hook schemalint did not write (it is kept as pre-commit.schemalint-backup), even when a hook manager is in use.")
    var force = false

    func run() throws {
        let installer = GitHookInstaller(folder: URL(fileURLWithPath: path).standardizedFileURL, force: force)
        let (hook, outcome) = try installer.install()
        switch outcome {
        case .installed: try printOutput("installed \(hook)")
        case .updated: try printOutput("updated \(hook)")
        case .unchanged: try printOutput("\(hook) is already up to date")
        case .replaced(let backup): try printOutput("installed \(hook); the previous hook is now \(backup)")
        }
    }
}
