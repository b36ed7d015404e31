import ArgumentParser
import Linter

struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write every current finding to the baseline file; check then reports only new findings.")

    @Argument(help: "The folder to lint (default: the current folder).")
    var path: String = "."

    @Option(help: "Use this configuration file instead of discovering .schemalint.yml.")
    var config: String?

    func run() throws {
        var options = CheckOptions()
        options.paths = [path]
        options.configPath = config
        let written = try CheckRunner(options: options).writeBaseline()
        try printOutput("wrote \(written.count) finding\(written.count == 1 ? "" : "s") to \(written.path)")
    }
}
