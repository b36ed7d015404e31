/// A set of paths kept as one array in byte order and searched by halves. A tree's listing arrives sorted (git
/// keeps the index and trees in byte order), so building it costs one pass of comparisons, where a `Set<String>`
/// hashed every path: 14 M instructions for the 20,000 paths of a large monorepo, for the few hundred lookups
/// a run makes.
public struct PathSet: Sendable {
    /// The paths in byte order, each once.
    public let sorted: [String]

    public init(_ paths: [String]) {
        sorted = Self.isStrictlyIncreasing(paths) ? paths : Self.uniqueInByteOrder(paths)
    }

    public func contains(_ path: String) -> Bool {
        index(of: path) != nil
    }

    /// The position of `path` in `sorted`, nil when absent.
    public func index(of path: String) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            let order = sorted[middle].byteOrder(path)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    public static func isStrictlyIncreasing(_ paths: [String]) -> Bool {
        var index = 1
        while index < paths.count {
            if paths[index - 1].byteOrder(paths[index]) >= 0 { return false }
            index += 1
        }
        return true
    }

    static func uniqueInByteOrder(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths.sorted(by: { $0.byteOrder($1) < 0 }) where result.last.map({ !$0.isSameBytes(as: path) }) ?? true {
            result.append(path)
        }
        return result
    }
}

extension StringProtocol {
    /// Negative, zero or positive as the string comes before, equals or follows `other` byte for byte (git's
    /// order of paths; `<` on strings compares Unicode scalars after normalisation).
    @inlinable public func byteOrder(_ other: String) -> Int {
        withBytes(beside: other) { bytes, otherBytes in
            let common = Swift.min(bytes.count, otherBytes.count)
            var index = 0
            while index < common {
                if bytes[index] != otherBytes[index] { return Int(bytes[index]) - Int(otherBytes[index]) }
                index += 1
            }
            return bytes.count - otherBytes.count
        }
    }
}
