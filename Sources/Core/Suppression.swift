/// A comment in a source file, as its reader found it: the text between the delimiters and its byte range.
public struct SourceComment: Sendable, Hashable {
    public var text: String
    public var range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}

/// The rule that reports suppression comments and `ignore` entries that suppress nothing.
public enum UnusedSuppression {
    public static let id = "schemalint/unused-suppression"
}

/// A `schemalint-disable…` comment (SPEC §4).
public struct SuppressionDirective: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        /// The line after the comment.
        case nextLine
        /// From the comment to the matching `schemalint-enable`, or the end of the file.
        case regionStart
        case regionEnd
        case file
    }

    public var scope: Scope
    /// Rule ids named; empty means every rule.
    public var ruleIDs: [String]
    public var range: Range<Int>

    /// Parses a comment's text; nil when it is not a directive.
    public init?(comment: SourceComment) {
        var body = Substring(comment.text).drop { $0 == " " || $0 == "\t" || $0 == "*" }
        guard body.hasPrefix("schemalint-") else { return nil }
        body = body.dropFirst("schemalint-".count)
        let keyword = body.prefix { $0.isLetter || $0 == "-" }
        switch keyword {
        case "disable-next-line": scope = .nextLine
        case "disable": scope = .regionStart
        case "enable": scope = .regionEnd
        case "disable-file": scope = .file
        default: return nil
        }
        var rest = body.dropFirst(keyword.count)
        // A reason follows ` -- `; everything before it names rules.
        if let reason = rest.range(of: "--") { rest = rest[..<reason.lowerBound] }
        ruleIDs = rest.split { $0 == "," || $0 == " " || $0 == "\t" }
            .map { String($0).trimmingCharacters(in: "*/ \t\r\n") }
            .filter { !$0.isEmpty }
        range = comment.range
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
