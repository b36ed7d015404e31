import ArgumentParser
import Linter
import Reporters

extension ReportFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Lint the repository (default: the current folder).")

    @Argument(help: "Folders to lint.")
    var paths: [String] = ["."]

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Use this configuration file instead of discovering .schemalint.yml.")
    var config: String?

    @Option(name: .customLong("max-warnings"), help: "Exit 1 when warnings exceed this number.")
    var maxWarnings: Int?

    @Option(help: "Colours in text output: auto (a terminal and no NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    func run() throws {
        var options = CheckOptions()
        options.paths = paths
        options.format = format
        options.output = output
        options.configPath = config
        options.maxWarnings = maxWarnings
        options.color = color
        let code = try CheckRunner(options: options).run()
        if code != 0 { throw ExitCode(code) }
    }
}
