import ArgumentParser
import Linter
import Reporters

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Apply the migrations to a throwaway PostgreSQL as drizzle-kit's migrator does, and compare the result with the latest snapshot.")

    @Argument(help: "The repository folder.")
    var path: String = "."

    @Option(name: .customLong("database-url"), help: ArgumentHelp("Create the replay databases on this server (dropped afterwards) instead of starting a throwaway cluster; `env:NAME` reads a variable.", valueName: "url"))
    var databaseURL: String?

    @Option(name: .customLong("statement-timeout"), help: "Seconds a statement may run before it is stopped and reported (default 30).")
    var statementTimeout: Double = 30

    @Flag(name: .customLong("trace-locks"), help: "Also trace, on tables filled with generated rows, the locks and rewrites of the migrations that can still change (replay/traced-lock).")
    var traceLocks = false

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: text; github when GITHUB_ACTIONS=true).")
    var format: ReportFormat?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Use this configuration file instead of discovering .schemalint.yml.")
    var config: String?

    @Flag(help: "Show error-level findings only.")
    var quiet = false

    @Option(help: "Colours in text output: auto (a terminal and no NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    func run() throws {
        guard statementTimeout > 0 else { throw UsageFailure("--statement-timeout must be a positive number of seconds") }
        var options = ReplayOptions()
        options.path = path
        options.databaseURL = databaseURL
        options.statementTimeoutSeconds = statementTimeout
        options.traceLocks = traceLocks
        options.format = format
        options.output = output
        options.configPath = config
        options.quiet = quiet
        options.color = color
        let code = try ReplayRunner(options: options).run()
        if code != 0 { throw ExitCode(code) }
    }
}
