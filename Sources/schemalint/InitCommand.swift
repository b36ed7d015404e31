import ArgumentParser
import Foundation
import Linter

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a starter .schemalint.yml for the folder.")

    @Argument(help: "The repository folder.")
    var path: String = "."

    @Flag(help: "Overwrite an existing .schemalint.yml.")
    var force = false

    func run() throws {
        let folder = URL(fileURLWithPath: path).standardizedFileURL
        let target = folder.appendingPathComponent(".schemalint.yml")
        if FileManager.default.fileExists(atPath: target.path) && !force {
            throw UsageFailure("\(target.path) already exists; pass --force to overwrite it")
        }
        let text = try StarterConfiguration.write(for: folder)
        do {
            try text.write(to: target, atomically: true, encoding: .utf8)
        } catch {
            throw UsageFailure("cannot write \(target.path): \(error.localizedDescription)")
        }
        try printOutput("wrote \(target.path)")
    }
}
