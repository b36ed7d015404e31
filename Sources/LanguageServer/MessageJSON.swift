import Core
import Foundation

/// Writes the messages the server sends (dictionaries of strings, numbers, booleans, arrays and nulls) as JSON with
/// sorted keys. Foundation's `JSONSerialization` bridges every value to an Objective-C object first, which cost
/// more than the whole check of the largest corpus schema for its 80 diagnostics.
enum MessageJSON {
    /// JSON already written (a diagnostic list, see `LanguageServer.Diagnostic.write`), copied as it is.
    struct Raw {
        var bytes: [UInt8]
    }

    static func encode(_ value: Any) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        return write(value, into: &output) ? output : nil
    }

    /// False for a value JSON cannot hold (the message is then not sent, as `JSONSerialization` would refuse it).
    private static func write(_ value: Any, into output: inout [UInt8]) -> Bool {
        switch value {
        case let raw as Raw:
            output += raw.bytes
        case let text as String:
            OrderedJSON.writeString(text, into: &output)
        case let object as [String: Any]:
            output.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                OrderedJSON.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                guard write(object[key]!, into: &output) else { return false }
            }
            output.append(UInt8(ascii: "}"))
        case let objects as [[String: Any]]:
            guard writeArray(objects, into: &output) else { return false }
        case let items as [Any]:
            guard writeArray(items, into: &output) else { return false }
        case is NSNull:
            output += "null".utf8
        // Only a Swift `Bool` is a boolean: a number parsed from the client (a request id) answers `as? Bool` too.
        case let flag as Bool where type(of: value) == Bool.self:
            output += (flag ? "true" : "false").utf8
        case let number as Int:
            output += String(number).utf8
        case let number as Double:
            guard number.isFinite else { return false }
            output += (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)).utf8
        default:
            return false
        }
        return true
    }

    private static func writeArray<Item>(_ items: [Item], into output: inout [UInt8]) -> Bool {
        output.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            guard write(item, into: &output) else { return false }
        }
        output.append(UInt8(ascii: "]"))
        return true
    }
}
