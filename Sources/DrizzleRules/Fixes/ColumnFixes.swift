import Catalog
import Core
import Drizzle

/// Fixes that edit a column's builder call or chain, built from the layouts the reader recorded.
enum ColumnFixes {
    /// `timestamp('x')` → `timestamp('x', { withTimezone: true })`, or the option added to (or set in) the options
    /// object written in the call. Nil when the options come from elsewhere (a variable, a spread).
    static func withTimezone(_ column: DeclaredColumn) -> Fix? {
        guard column.builder == "timestamp", let call = column.builderCall else { return nil }
        let edit: TextEdit
        let objects = call.arguments.enumerated().filter { $0.element.object != nil }
        switch (call.arguments.count, objects.first) {
        case (0, _):
            edit = .insert("{ withTimezone: true }", at: call.closeParen, in: call.path)
        case (1, nil):
            // `timestamp('created_at')` or `timestamp(name)` in a helper: the name stays first.
            edit = .insert(", { withTimezone: true }", at: call.arguments[0].range.upperBound, in: call.path)
        case (_, let found?) where found.offset == call.arguments.count - 1:
            guard let object = found.element.object, object.isPlain else { return nil }
            if let existing = object.properties.first(where: { $0.key == "withTimezone" }) {
                guard existing.valueRange != existing.range else { return nil }   // shorthand `{ withTimezone }`
                edit = TextEdit(path: call.path, range: existing.valueRange, replacement: "true")
            } else if let last = object.properties.last {
                edit = .insert(", withTimezone: true", at: last.range.upperBound, in: call.path)
            } else {
                edit = TextEdit(path: call.path, range: object.range, replacement: "{ withTimezone: true }")
            }
        default:
            return nil
        }
        // Changing the type is a migration that reinterprets stored values in the session's time zone: reviewed.
        return Fix("add `withTimezone: true` (then run `drizzle-kit generate` and check how existing values convert)",
                   edits: [edit], isSafe: false)
    }

    /// `.$onUpdate(() => new Date())` chained at the end of a `timestamp` column (`new Date().toISOString()` in
    /// `mode: 'string'`). Nil for other builders, whose value is not a date.
    static func onUpdate(_ column: DeclaredColumn) -> Fix? {
        guard column.builder == "timestamp", let end = column.chainEnd, !column.unreadable.contains(.type) else { return nil }
        let value: String
        switch column.builderCall.flatMap(optionsMode) ?? "date" {
        case "date": value = "new Date()"
        case "string": value = "new Date().toISOString()"
        default: return nil
        }
        return Fix("chain `.$onUpdate(() => \(value))`",
                   edits: [.insert(".$onUpdate(() => \(value))", at: end.range.lowerBound, in: end.path)], isSafe: true)
    }

    /// The `mode` written in the call's options object; "date" when absent; nil when the options are not readable.
    private static func optionsMode(_ call: CallLayout) -> String? {
        guard let object = call.arguments.last?.object else { return call.arguments.count <= 1 ? "date" : nil }
        guard object.isPlain else { return nil }
        guard let mode = object.properties.first(where: { $0.key == "mode" }) else { return "date" }
        return mode.stringValue
    }
}
