/// A compiled path glob: `**` spans folders, `*` and `?` stay within one, `[abc]`/`[a-z]`/`[!x]` are classes and
/// `{a,b}` alternatives. Used for config paths (`src/**/*.ts`) and for table names (`*_events`).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[Segment]]

    private enum Segment: Sendable, Hashable {
        case anyFolders
        case name(NamePattern)
    }

    /// One folder or file name's pattern. The common shapes (a plain name, `*.ts`) are compared as strings: making
    /// `[Character]`s of every path part cost ~30,000 instructions per match on a 20,000-file repository.
    private struct NamePattern: Sendable, Hashable {
        let pieces: [Piece]
        /// The name itself, when the pattern has no wildcard.
        let literal: String?
        /// The text after a leading `*`, when that `*` is the only wildcard.
        let suffixAfterStar: String?
        /// The text before a trailing `*`, when that `*` is the only wildcard (`usage_*`, matched against every
        /// table of a schema by the high-frequency rules).
        let prefixBeforeStar: String?

        init(_ pieces: [Piece]) {
            self.pieces = pieces
            func text(_ pieces: ArraySlice<Piece>) -> String? {
                var result = ""
                for piece in pieces {
                    guard case .literal(let character) = piece else { return nil }
                    result.append(character)
                }
                return result
            }
            literal = text(pieces[...])
            if case .anyRun? = pieces.first { suffixAfterStar = text(pieces.dropFirst()) } else { suffixAfterStar = nil }
            if case .anyRun? = pieces.last { prefixBeforeStar = text(pieces.dropLast()) } else { prefixBeforeStar = nil }
        }

        /// Plain names, `*.ext` and `prefix*` are compared by UTF-8 bytes, as git compares paths (and several times
        /// cheaper than comparing Characters, on every path of a 20,000-file tree).
        func matches(_ name: Substring) -> Bool {
            if let literal { return name.isSameBytes(as: literal) }
            if let suffixAfterStar { return name.hasPathSuffix(suffixAfterStar) }
            if let prefixBeforeStar { return name.hasPathPrefix(prefixBeforeStar) }
            return Glob.matchName(pieces, Array(name))
        }
    }

    private enum Piece: Sendable, Hashable {
        case literal(Character)
        case anyCharacter
        case anyRun
        case characterClass(ranges: [ClosedRange<Character>], negated: Bool)
    }

    /// `{a,b}` groups multiply: `{a,b}` 22 times is four million patterns. Past this many the glob is refused
    /// (`isTooComplex`) and matches nothing.
    public static let maximumAlternatives = 1_024

    /// The braces expand to more than `maximumAlternatives` patterns; configuration readers report it.
    public let isTooComplex: Bool

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = Substring(pattern)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        var expanded: [String] = []
        isTooComplex = !Glob.expandBraces(String(trimmed), into: &expanded)
        alternatives = isTooComplex ? [] : expanded.map(Glob.compile)
    }

    public var description: String { pattern }

    /// Whether the pattern has wildcards, i.e. names more than one fixed path.
    public var hasWildcards: Bool { Glob.hasWildcards(pattern) }

    public static func hasWildcards(_ text: String) -> Bool {
        text.contains { "*?[{".contains($0) }
    }

    /// The folder before the first segment with a wildcard: where to start listing files.
    public static func fixedPrefixFolder(_ pattern: String) -> String {
        var parts: [Substring] = []
        for segment in pattern.split(separator: "/", omittingEmptySubsequences: false) {
            if hasWildcards(String(segment)) { break }
            parts.append(segment)
        }
        return parts.joined(separator: "/")
    }

    public func matches(_ path: String) -> Bool {
        let parts = Glob.components(path)
        return alternatives.contains { Glob.match($0[...], parts[...]) }
    }

    /// The `/`-separated non-empty components, split on UTF-8 bytes (splitting on Characters cost more than the
    /// matching).
    static func components(_ path: String) -> [Substring] {
        var parts: [Substring] = []
        let bytes = path.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if start != index { parts.append(path[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex { parts.append(path[start...]) }
        return parts
    }

    /// Appends the brace expansions of `pattern`; false (stopping early) past `maximumAlternatives`.
    private static func expandBraces(_ pattern: String, into result: inout [String]) -> Bool {
        guard let open = pattern.firstIndex(of: "{") else {
            result.append(pattern)
            return result.count <= maximumAlternatives
        }
        var depth = 0
        var close: String.Index?
        for index in pattern[open...].indices {
            if pattern[index] == "{" { depth += 1 }
            if pattern[index] == "}" {
                depth -= 1
                if depth == 0 { close = index; break }
            }
        }
        guard let close else {
            result.append(pattern)
            return result.count <= maximumAlternatives
        }
        let prefix = pattern[..<open]
        let suffix = pattern[pattern.index(after: close)...]
        var options: [String] = []
        var current = ""
        depth = 0
        for character in pattern[pattern.index(after: open)..<close] {
            if character == "," && depth == 0 {
                options.append(current)
                current = ""
                continue
            }
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            current.append(character)
        }
        options.append(current)
        for option in options where !expandBraces(prefix + option + suffix, into: &result) { return false }
        return true
    }

    private static func compile(_ pattern: String) -> [Segment] {
        pattern.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part == "**" ? .anyFolders : .name(NamePattern(pieces(Array(part))))
        }
    }

    private static func pieces(_ characters: [Character]) -> [Piece] {
        var result: [Piece] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*": result.append(.anyRun)
            case "?": result.append(.anyCharacter)
            case "[":
                if let (piece, next) = characterClass(characters, from: index) {
                    result.append(piece)
                    index = next
                    continue
                }
                result.append(.literal(character))
            case "\\" where index + 1 < characters.count:
                index += 1
                result.append(.literal(characters[index]))
            default: result.append(.literal(character))
            }
            index += 1
        }
        return result
    }

    private static func characterClass(_ characters: [Character], from start: Int) -> (Piece, Int)? {
        var index = start + 1
        var negated = false
        if index < characters.count, characters[index] == "!" || characters[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<Character>] = []
        while index < characters.count, characters[index] != "]" || ranges.isEmpty {
            let low = characters[index]
            if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]",
               low <= characters[index + 2] {
                ranges.append(low...characters[index + 2])
                index += 3
            } else {
                ranges.append(low...low)
                index += 1
            }
        }
        guard index < characters.count else { return nil }
        return (.characterClass(ranges: ranges, negated: negated), index + 1)
    }

    /// Segments against path parts, as an NFA simulation: the set of segment positions reached after each part
    /// (`**` both stays and moves on). Linear in segments × parts, where recursion over `**` was exponential.
    private static func match(_ segments: ArraySlice<Segment>, _ parts: ArraySlice<Substring>) -> Bool {
        let segments = Array(segments)
        // Positions fit one machine word for every real pattern: a set of positions as bits costs no allocation,
        // where `Set<Int>` cost ~6,000 instructions per path part on a 20,000-file listing.
        if segments.count < UInt64.bitWidth { return matchBits(segments, parts) }
        var reached = closure([0], segments)
        for part in parts {
            var next: Set<Int> = []
            for index in reached where index < segments.count {
                switch segments[index] {
                case .anyFolders: next.insert(index)
                case .name(let pattern): if pattern.matches(part) { next.insert(index + 1) }
                }
            }
            reached = closure(next, segments)
            if reached.isEmpty { return false }
        }
        return reached.contains(segments.count)
    }

    /// `match` with the reached positions as the bits of one word (bit `i`: segment position `i`).
    private static func matchBits(_ segments: [Segment], _ parts: ArraySlice<Substring>) -> Bool {
        func closure(_ start: UInt64) -> UInt64 {
            var result = start
            for index in segments.indices where result & (1 << UInt64(index)) != 0 {
                if case .anyFolders = segments[index] { result |= 1 << UInt64(index + 1) }
            }
            return result
        }
        var reached = closure(1)
        for part in parts {
            var next: UInt64 = 0
            for index in segments.indices where reached & (1 << UInt64(index)) != 0 {
                switch segments[index] {
                case .anyFolders: next |= 1 << UInt64(index)
                case .name(let pattern): if pattern.matches(part) { next |= 1 << UInt64(index + 1) }
                }
            }
            reached = closure(next)
            if reached == 0 { return false }
        }
        return reached & (1 << UInt64(segments.count)) != 0
    }

    /// `**` may match no folder at all: from it, the next segment is reached too.
    private static func closure(_ start: Set<Int>, _ segments: [Segment]) -> Set<Int> {
        var result = start
        for index in start.sorted() {
            var current = index
            while current < segments.count, case .anyFolders = segments[current] {
                current += 1
                result.insert(current)
            }
        }
        return result
    }

    /// One name against pieces, as an NFA simulation over piece positions (`*` both stays and moves on):
    /// linear in pieces × characters, whatever the number of `*`.
    private static func matchName(_ pieces: [Piece], _ name: [Character]) -> Bool {
        var reached = Array(repeating: false, count: pieces.count + 1)
        var next = reached
        func addClosure(_ start: Int, _ set: inout [Bool]) {
            var index = start
            while index <= pieces.count, !set[index] {
                set[index] = true
                guard index < pieces.count, case .anyRun = pieces[index] else { break }
                index += 1
            }
        }
        addClosure(0, &reached)
        for character in name {
            for index in next.indices { next[index] = false }
            var any = false
            for index in 0..<pieces.count where reached[index] {
                let accepts: Bool
                switch pieces[index] {
                case .anyRun: addClosure(index, &next); any = true; continue
                case .anyCharacter: accepts = true
                case .literal(let expected): accepts = character == expected
                case .characterClass(let ranges, let negated): accepts = ranges.contains { $0.contains(character) } != negated
                }
                if accepts { addClosure(index + 1, &next); any = true }
            }
            if !any { return false }
            swap(&reached, &next)
        }
        return reached[pieces.count]
    }
}

/// A set of globs: a path is in the set when any glob matches it.
public struct GlobSet: Sendable, Hashable {
    public let globs: [Glob]

    public init(_ patterns: [String]) {
        globs = patterns.map(Glob.init)
    }

    public var isEmpty: Bool { globs.isEmpty }

    public func matches(_ path: String) -> Bool {
        globs.contains { $0.matches(path) }
    }
}
