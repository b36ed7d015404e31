/// A rule option's value, typed by the rule's catalog entry.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case strings([String])
    case integer(Int)
    case number(Double)
    case boolean(Bool)

    public var description: String {
        switch self {
        case .string(let text): text
        case .strings(let list): "[" + list.joined(separator: ", ") + "]"
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .boolean(let value): String(value)
        }
    }
}

/// The type an option declares in the catalog.
public enum OptionType: String, Sendable, CaseIterable {
    case string
    case stringList = "string-list"
    case integer
    case number
    case boolean
}

/// A rule's options: catalog defaults overlaid with configuration.
public struct RuleOptions: Sendable, Hashable {
    public var values: [String: OptionValue]

    public init(_ values: [String: OptionValue] = [:]) {
        self.values = values
    }

    public func strings(_ name: String) -> [String] {
        switch values[name] {
        case .strings(let list): list
        case .string(let text): [text]
        default: []
        }
    }

    public func string(_ name: String) -> String? {
        if case .string(let text) = values[name] { return text }
        return nil
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let value) = values[name] { return value }
        return nil
    }

    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let value) = values[name] { return value }
        return nil
    }
}
