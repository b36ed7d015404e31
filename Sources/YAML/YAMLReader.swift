import CLibYAML

/// Reads a YAML document with libyaml's document API into `YAMLNode`s that keep their marks.
public enum YAMLReader {
    /// Nesting deeper than this is refused: configuration and catalog files are shallow, and the limit keeps
    /// hostile input from exhausting the stack.
    static let maximumDepth = 200
    /// Aliases let a small document expand exponentially ("billion laughs"); conversion stops past this many nodes.
    static let maximumNodes = 100_000

    /// Parses the first document of `bytes`; nil for an empty document.
    public static func parse(_ bytes: [UInt8]) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(message: "could not initialise the YAML parser", line: 1, column: 1)
        }
        defer { yaml_parser_delete(&parser) }
        var document = yaml_document_t()
        let loaded: Result<YAMLNode?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            // libyaml keeps a pointer to the input: it must only be used inside this closure.
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1), buffer.count)
            guard yaml_parser_load(&parser, &document) == 1 else {
                return .failure(error(of: parser))
            }
            defer { yaml_document_delete(&document) }
            guard let root = yaml_document_get_root_node(&document) else { return .success(nil) }
            var budget = maximumNodes
            return Result { () throws(YAMLError) in try convert(root, in: &document, depth: 0, budget: &budget) }
        }
        return try loaded.get()
    }

    private static func error(of parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) + ": " } ?? ""
        let mark = parser.problem_mark
        return YAMLError(message: context + problem, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func convert(
        _ node: UnsafeMutablePointer<yaml_node_t>, in document: inout yaml_document_t, depth: Int, budget: inout Int
    ) throws(YAMLError) -> YAMLNode {
        let start = node.pointee.start_mark
        let end = node.pointee.end_mark
        let line = Int(start.line) + 1
        let column = Int(start.column) + 1
        guard depth < maximumDepth else {
            throw YAMLError(message: "nesting deeper than \(maximumDepth) levels", line: line, column: column)
        }
        budget -= 1
        guard budget >= 0 else {
            throw YAMLError(message: "document expands to more than \(maximumNodes) nodes (alias expansion?)", line: line, column: column)
        }
        let range = Int(start.index)..<max(Int(start.index), Int(end.index))
        switch node.pointee.type {
        case YAML_SCALAR_NODE:
            let scalar = node.pointee.data.scalar
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            let quoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE
            return YAMLNode(value: .scalar(text, quoted: quoted), line: line, column: column, range: range)
        case YAML_SEQUENCE_NODE:
            var items: [YAMLNode] = []
            var item = node.pointee.data.sequence.items.start
            while let current = item, current != node.pointee.data.sequence.items.top {
                if let child = yaml_document_get_node(&document, current.pointee) {
                    items.append(try convert(child, in: &document, depth: depth + 1, budget: &budget))
                }
                item = current.advanced(by: 1)
            }
            return YAMLNode(value: .sequence(items), line: line, column: column, range: range)
        case YAML_MAPPING_NODE:
            var pairs: [YAMLPair] = []
            var pair = node.pointee.data.mapping.pairs.start
            while let current = pair, current != node.pointee.data.mapping.pairs.top {
                if let key = yaml_document_get_node(&document, current.pointee.key),
                   let value = yaml_document_get_node(&document, current.pointee.value) {
                    pairs.append(YAMLPair(
                        key: try convert(key, in: &document, depth: depth + 1, budget: &budget),
                        value: try convert(value, in: &document, depth: depth + 1, budget: &budget)))
                }
                pair = current.advanced(by: 1)
            }
            return YAMLNode(value: .mapping(pairs), line: line, column: column, range: range)
        default:
            return YAMLNode(value: .scalar("", quoted: false), line: line, column: column, range: range)
        }
    }
}
