import Core
import Linter
import Reporters

/// `schemalint check` with nothing but plain options (the pre-commit hook's `check --staged`), read without
/// ArgumentParser: its reflection over the command types (and a second parse looking for
/// `--generate-completion-script`) cost 17 M instructions per run, 6 % of a `check --staged` on the monorepo
/// benchmark. Anything this reader is not sure of — an unknown or repeated option, a value that starts with `-`
/// or is empty, `--help`, `--fix`, an option given as `--name=value` — answers nil, and ArgumentParser parses the
/// whole command line as before (so its messages and exit codes stay the only ones). `SCHEMALINT_NO_FAST_PATHS=1`
/// turns it off; a test compares runs with and without it.
enum QuickCheckArguments {
    static func parse(_ arguments: [String]) -> CheckOptions? {
        guard FastPaths.enabled, arguments.first == "check" else { return nil }
        var options = CheckOptions()
        var paths: [String] = []
        var seen: Set<String> = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard !argument.isEmpty else { return nil }
            guard argument.hasPrefix("-") else {
                paths.append(argument)
                continue
            }
            guard seen.insert(argument).inserted else { return nil }
            switch argument {
            case "--staged": options.staged = true
            case "--quiet": options.quiet = true
            case "--changed-only": options.changedOnly = true
            case "--format", "--output", "--config", "--base", "--color", "--max-warnings":
                guard index < arguments.count, !arguments[index].isEmpty, !arguments[index].hasPrefix("-") else { return nil }
                let value = arguments[index]
                index += 1
                switch argument {
                case "--format":
                    guard let format = ReportFormat(rawValue: value) else { return nil }
                    options.format = format
                case "--color":
                    guard let color = ColorChoice(rawValue: value) else { return nil }
                    options.color = color
                case "--max-warnings":
                    guard let number = Int(value) else { return nil }
                    options.maxWarnings = number
                case "--output": options.output = value
                case "--config": options.configPath = value
                default: options.base = value
                }
            default: return nil
            }
        }
        if !paths.isEmpty { options.paths = paths }
        options.exitsAfterRun = true
        return options
    }
}
