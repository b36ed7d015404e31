import Dispatch

/// Frees large values (a syntax tree, a project's facets, a report) on a background queue. A long-lived caller (the
/// language server) replaces such values on every check, and freeing a 130 KB schema's tree and model where it is
/// replaced cost a tenth of each check on the thread the editor is waiting for. (A command that exits after one
/// run frees nothing at all: `ProcessLifetime`.)
public enum Disposal {
    private static let queue = DispatchQueue(label: "schemalint.disposal", qos: .utility)

    /// Takes `value` (the caller's last reference, moved in) and drops it on the background queue.
    public static func later<Value>(_ value: consuming Value) {
        let box = Box(value)
        queue.async { box.empty() }
    }

    public static func later<Value>(_ value: consuming Value?) {
        guard let value else { return }
        later(value)
    }

    /// Only the disposal queue touches the value once it is boxed.
    private final class Box: @unchecked Sendable {
        private var value: Any?
        init(_ value: Any) { self.value = value }
        func empty() { value = nil }
    }
}
