/// `.schemalint.yml` as typed options (SPEC §2). Every key is optional; defaults describe discovery. Core holds the
/// generic parts; each domain's section (`drizzle`, `gists`, `sync`…) is read by the domain's
/// `ConfigurationSection` and found with `configuration[Section.self]` (or the domain's named accessors).
public struct Configuration: Sendable {
    /// Path of the config file that was read, repository-relative; nil when none was found.
    public var file: String?
    public var rules: [String: RuleSetting] = [:]
    public var ignoredPaths: [String] = []
    public var ignoredFindings: [IgnoredFinding] = []
    public var baseline: String?
    /// The domains' sections as read, by section name.
    var sections: [String: any Sendable] = [:]

    public init() {}
}

/// A rule's configured level and options.
public struct RuleSetting: Sendable {
    public var level: RuleLevel?
    public var options: [String: OptionValue]

    public init(level: RuleLevel?, options: [String: OptionValue]) {
        self.level = level
        self.options = options
    }
}

/// An `ignore` entry naming findings in a JSON file by rule and JSON pointer (JSON cannot hold comments).
public struct IgnoredFinding: Sendable, Hashable {
    public var rule: String?
    public var path: String
    public var pointer: String?
    /// Where the entry is written, to report it when it suppresses nothing.
    public var line: Int
    public var column: Int

    public init(rule: String?, path: String, pointer: String?, line: Int, column: Int) {
        self.rule = rule
        self.path = path
        self.pointer = pointer
        self.line = line
        self.column = column
    }
}

/// A configuration problem: exit 2, with the file, line and column of the YAML node.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
