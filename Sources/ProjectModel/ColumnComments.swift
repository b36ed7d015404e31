import Catalog
import Core
import Drizzle

/// The comments written at each schema column: a JSDoc or line comments right above it, or a comment after it on
/// its own line (`stripeId: text('stripe_id'), // the Stripe customer`); and at each table, the comments right above
/// the line that declares it (`// Payment rows from the provider's webhook`). They often say what an id belongs to.
public struct ColumnComments: Sendable {
    private var byLocation: [SourceLocation: String] = [:]

    public init() {}

    /// `files`: the bytes and comments of every schema file, by path.
    public init(tables: [Table], files: [String: (bytes: [UInt8], comments: [SourceComment])]) {
        for (path, tables) in Dictionary(grouping: tables, by: \.location.path) {
            guard let file = files[path], !file.comments.isEmpty else { continue }
            let byEnd = Dictionary(file.comments.map { ($0.range.upperBound, $0) }, uniquingKeysWith: { first, _ in first })
            let byStart = Dictionary(file.comments.map { ($0.range.lowerBound, $0) }, uniquingKeysWith: { first, _ in first })
            func note(_ location: SourceLocation, _ found: [SourceComment]) {
                if !found.isEmpty { byLocation[location] = found.map(\.text).joined(separator: "\n") }
            }
            for table in tables {
                var lineStart = table.location.range.lowerBound
                while lineStart > 0, file.bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
                note(table.location, Self.above(lineStart, file.bytes, byEnd))
                for column in table.columns {
                    note(column.location, Self.above(column.location.range.lowerBound, file.bytes, byEnd)
                        + Self.after(column.location.range.upperBound, file.bytes, byStart))
                }
            }
        }
    }

    /// The comment text at a column or table (by its location), if it has any.
    public func text(at location: SourceLocation) -> String? { byLocation[location] }

    /// Comments ending right before `start`, separated from it and each other by whitespace only, each on lines of
    /// its own (a comment after the previous property belongs to that property).
    private static func above(_ start: Int, _ bytes: [UInt8], _ byEnd: [Int: SourceComment]) -> [SourceComment] {
        var found: [SourceComment] = []
        var p = start
        while true {
            while p > 0, isSpace(bytes[p - 1]) { p -= 1 }
            guard let comment = byEnd[p], startsLine(comment.range.lowerBound, bytes) else { break }
            found.insert(comment, at: 0)
            p = comment.range.lowerBound
        }
        return found
    }

    /// A comment after `end` on the same line (past the `,` that ends the property).
    private static func after(_ end: Int, _ bytes: [UInt8], _ byStart: [Int: SourceComment]) -> [SourceComment] {
        var p = end
        while p < bytes.count, bytes[p] == UInt8(ascii: " ") || bytes[p] == UInt8(ascii: "\t") || bytes[p] == UInt8(ascii: ",") { p += 1 }
        return byStart[p].map { [$0] } ?? []
    }

    private static func startsLine(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        var p = offset
        while p > 0, bytes[p - 1] == UInt8(ascii: " ") || bytes[p - 1] == UInt8(ascii: "\t") { p -= 1 }
        return p == 0 || bytes[p - 1] == UInt8(ascii: "\n")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
