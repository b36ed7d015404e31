import CLibYAML

/// Reads a YAML document with libyaml's event API into `YAMLNode`s that keep their marks.
///
/// Events, not libyaml's document loader: limits are checked as the events arrive, so 100,000 nested `[` stop
/// at level `maximumDepth` instead of being loaded first (the loader's scanner is quadratic in the nesting), and
/// what the loader accepts silently is refused: a key given twice in one mapping (YAML forbids it; the loader
/// keeps both and readers take the first) and a second document (`---`) that would be ignored.
public enum YAMLReader {
    /// Nesting deeper than this is refused: configuration and catalog files are shallow, and the limit keeps
    /// hostile input from exhausting the stack.
    static let maximumDepth = 200
    /// Aliases let a small document expand exponentially ("billion laughs"); reading stops past this many nodes.
    static let maximumNodes = 100_000

    /// Parses the one document of `bytes`; nil for an empty stream.
    public static func parse(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(message: "could not initialise the YAML parser", line: 1, column: 1)
        }
        defer { yaml_parser_delete(&parser) }
        let loaded: Result<YAMLNode?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            // libyaml keeps a pointer to the input: it must only be used inside this closure.
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1), buffer.count)
            var builder = Builder()
            return Result { () throws(YAMLError) in
                while true {
                    var event = yaml_event_t()
                    guard yaml_parser_parse(&parser, &event) == 1 else { throw error(of: parser) }
                    defer { yaml_event_delete(&event) }
                    if try builder.accept(event) { return builder.root }
                }
            }
        }
        return try loaded.get()
    }

    private static func error(of parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) + ": " } ?? ""
        let mark = parser.problem_mark
        return YAMLError(message: context + problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

/// Builds nodes from events with an explicit stack (no recursion, whatever the nesting).
private struct Builder {
    /// A collection being read; a class, so appending to it never copies what it holds so far.
    private final class Frame {
        let isMapping: Bool
        let start: yaml_mark_t
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var key: YAMLNode?
        /// Keys seen in a mapping, with the line of their first appearance.
        var seen: [String: Int] = [:]
        /// Nodes this collection stands for, itself included (what an alias to it costs).
        var size = 1

        init(isMapping: Bool, start: yaml_mark_t, anchor: String?) {
            self.isMapping = isMapping
            self.start = start
            self.anchor = anchor
        }
    }

    private var stack: [Frame] = []
    private(set) var root: YAMLNode?
    private var documents = 0
    /// Anchored nodes and how many nodes each stands for (an alias costs that many again).
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var nodes = 0

    /// Takes one event; true when the stream has ended.
    mutating func accept(_ event: yaml_event_t) throws(YAMLError) -> Bool {
        let start = event.start_mark
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw Self.error("a second YAML document (`---`); the file holds one document and the rest would be ignored", start)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
            try count(1, at: start)
            try add(Self.node(.scalar(text, quoted: quoted), start, event.end_mark), size: 1, anchor: Self.string(scalar.anchor), at: start)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else { throw Self.error("unknown alias `*\(name)`", start) }
            try count(anchored.size, at: start)
            try add(anchored.node, size: anchored.size, anchor: nil, at: start)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < YAMLReader.maximumDepth else {
                throw Self.error("nesting deeper than \(YAMLReader.maximumDepth) levels", start)
            }
            try count(1, at: start)
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            stack.append(Frame(isMapping: isMapping, start: start, anchor: Self.string(anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { break }
            let value: YAMLNode.Value = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            try add(Self.node(value, frame.start, event.end_mark), size: frame.size, anchor: frame.anchor, at: frame.start)
        default:
            break
        }
        return false
    }

    private mutating func count(_ size: Int, at mark: yaml_mark_t) throws(YAMLError) {
        nodes += size
        guard nodes <= YAMLReader.maximumNodes else {
            throw Self.error("document expands to more than \(YAMLReader.maximumNodes) nodes (alias expansion?)", mark)
        }
    }

    /// Puts a finished node into its parent, or makes it the root.
    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, at mark: yaml_mark_t) throws(YAMLError) {
        if let anchor { anchors[anchor] = (node, size) }
        guard let parent = stack.last else {
            root = node
            return
        }
        parent.size += size
        guard parent.isMapping else {
            parent.items.append(node)
            return
        }
        guard let key = parent.key else {
            if let text = node.scalar {
                if let first = parent.seen[text] {
                    throw Self.error("duplicate key `\(text)` (first given on line \(first)); YAML allows each key once per mapping", mark)
                }
                parent.seen[text] = node.line
            }
            parent.key = node
            return
        }
        parent.pairs.append(YAMLPair(key: key, value: node))
        parent.key = nil
    }

    private static func node(_ value: YAMLNode.Value, _ start: yaml_mark_t, _ end: yaml_mark_t) -> YAMLNode {
        YAMLNode(value: value, line: Int(start.line) + 1, column: Int(start.column) + 1, range: Int(start.index)..<max(Int(start.index), Int(end.index)))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    private static func error(_ message: String, _ mark: yaml_mark_t) -> YAMLError {
        YAMLError(message: message, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
