import ArgumentParser
import Linter
import Reporters

extension ReportFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Lint the repository (default: the current folder).")

    @Argument(help: "Folders to lint.")
    var paths: [String] = ["."]

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: text; github when GITHUB_ACTIONS=true).")
    var format: ReportFormat?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Use this configuration file instead of discovering .schemalint.yml.")
    var config: String?

    @Option(name: .customLong("max-warnings"), help: "Exit 1 when warnings exceed this number.")
    var maxWarnings: Int?

    @Flag(help: "Show error-level findings only (warnings still count for --max-warnings and the exit code).")
    var quiet = false

    @Option(help: "Colours in text output: auto (a terminal and no NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    @Flag(help: "Lint the staged contents from the git index, as they will be committed (pre-commit).")
    var staged = false

    @Option(help: ArgumentHelp("Compare with this branch, tag or commit (CI): enables migration/edited-after-merge.", valueName: "ref"))
    var base: String?

    @Flag(name: .customLong("changed-only"), help: "With --staged or --base: report only findings in changed files.")
    var changedOnly = false

    @Flag(help: "Apply the safe fixes in place, then report what is left (not with --staged).")
    var fix = false

    @Flag(name: .customLong("unsafe-fixes"), help: "With --fix: apply the fixes that need review too (schema changes that need `drizzle-kit generate`).")
    var unsafeFixes = false

    func run() throws {
        var options = CheckOptions()
        options.paths = paths
        options.format = format
        options.output = output
        options.configPath = config
        options.maxWarnings = maxWarnings
        options.color = color
        options.staged = staged
        options.base = base
        options.changedOnly = changedOnly
        options.quiet = quiet
        options.fix = fix || unsafeFixes
        options.unsafeFixes = unsafeFixes
        options.exitsAfterRun = true
        let code = try CheckRunner(options: options).run()
        if code != 0 { throw ExitCode(code) }
    }
}
