/// How serious a finding is; ordered so that `max` picks the worse one.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A rule's configured level: a severity, or switched off.
public enum RuleLevel: Sendable, Hashable {
    case off
    case on(Severity)

    public init?(_ text: String) {
        if text == "off" {
            self = .off
        } else if let severity = Severity(rawValue: text) {
            self = .on(severity)
        } else {
            return nil
        }
    }

    public static let choices = ["off", "info", "warning", "error"]
}
