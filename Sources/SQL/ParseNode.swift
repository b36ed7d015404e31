import JSON

/// What a parse gave: the tree, or, for a tree nested too deeply to read, the first statement's node tag.
enum ParseOutput {
    case tree(ParseTree)
    case tooDeep(leadingNodeTag: String)
}

/// libpg_query's JSON output read into a tape (one flat array, rather than a node tree: building and freeing a tree
/// per statement cost more than libpg_query's own parse). It owns the tape its `ParseNode`s point into.
struct ParseTree {
    private let root: JSONTapeValue

    /// `nil` if `json` is not JSON or nests deeper than the JSON reader allows.
    init?(_ json: UnsafeBufferPointer<UInt8>) {
        guard let root = JSONTape.parse(copying: json) else { return nil }
        self.root = root
    }


    /// Calls `body` with the root node. Nodes point into the tree without keeping it alive: none may outlive `body`.
    func withRoot<Result>(_ body: (ParseNode) -> Result) -> Result {
        withExtendedLifetime(root) { body(ParseNode(root.cursor)) }
    }
}

/// A node of libpg_query's JSON parse tree, read with forgiving accessors: libpg_query leaves out fields that
/// are zero, false or empty, so a missing key reads as `nil` / `false` / `0` / `[]`.
///
/// This is the seam between the statement decoder and the JSON reader: only this file knows the reader. A node is a
/// position on its `ParseTree`'s tape (no reference counting, nothing allocated), valid inside `ParseTree.withRoot`.
struct ParseNode {
    private let json: JSONTapeCursor

    fileprivate init(_ json: JSONTapeCursor) { self.json = json }

    /// The member `key`. libpg_query writes each field of a node once, so the first member of that name is the one.
    subscript(key: StaticString) -> ParseNode { ParseNode(json.firstMember(named: key)) }

    var string: String? { json.string }

    /// Whether the node is a string (what `string` would return).
    var isStringValue: Bool { json.kind == .string }

    /// Whether the node is the string `text` (compared without building a string).
    func isString(_ text: StaticString) -> Bool { json.isString(text) }

    var int: Int {
        if let number = json.int { return number }
        return json.bool == true ? 1 : 0
    }

    var bool: Bool { json.bool ?? (int != 0) }

    var isMissing: Bool { !json.exists || json.isNull }

    /// The elements of an array node, in order (none for other nodes).
    var array: Elements { Elements(json.elements) }

    struct Elements: Sequence, IteratorProtocol {
        private var elements: JSONTapeCursor.Elements

        fileprivate init(_ elements: JSONTapeCursor.Elements) { self.elements = elements }

        mutating func next() -> ParseNode? { elements.next().map(ParseNode.init) }

        var count: Int { elements.count }

        var first: ParseNode? { elements.first.map(ParseNode.init) }
    }

    /// An object member's name, compared without building a string.
    struct Key {
        fileprivate let key: JSONTapeKeyCursor
        func matches(_ name: StaticString) -> Bool { key.matches(name) }
        var string: String { key.string }
    }

    /// Calls `body` with each member of an object node, in source order; allocates nothing.
    func forEachMember(_ body: (Key, ParseNode) -> Void) {
        for (key, value) in json.members { body(Key(key: key), ParseNode(value)) }
    }

    /// Calls `body` with each element of an array node, in order; allocates nothing.
    func forEachElement(_ body: (ParseNode) -> Void) {
        for element in json.elements { body(ParseNode(element)) }
    }

    /// A node wrapper such as `{"CreateStmt": {…}}`: its tag and its fields.
    var tagged: (tag: String, node: ParseNode)? {
        guard let member = json.singleMember else { return nil }
        return (member.key.string, ParseNode(member.value))
    }

    /// The fields of any wrapper (`{"Tag": {…}}`), whatever its tag.
    var wrappedNode: ParseNode? {
        json.singleMember.map { ParseNode($0.value) }
    }

    /// The fields of a wrapper with the given tag (`{"String": {…}}` → the inner object).
    func unwrap(_ tag: StaticString) -> ParseNode? {
        let inner = json.wrapped(tag)
        return inner.exists ? ParseNode(inner) : nil
    }

    /// Calls `body` with the fields of every `{tag: {…}}` wrapper in the subtree, this node included, in source
    /// order; `body` returns whether to look for more inside the match. A flat scan of the tape.
    func forEachWrapped(_ tag: StaticString, _ body: (ParseNode) -> Bool) {
        json.forEachWrapped(tag) { body(ParseNode($0)) }
    }

    /// Calls `body` with every member of every object in the subtree (below this node), in source order; `body`
    /// returns whether to look inside the member's value. A flat scan of the tape.
    func forEachMemberInside(_ body: (Key, ParseNode) -> Bool) {
        json.forEachMemberInside { body(Key(key: $0), ParseNode($1)) }
    }

    /// Every string constant in the subtree (`A_Const` with an `sval`), each once, in order.
    var stringConstants: [String] {
        var found: [String] = []
        forEachWrapped("A_Const") { constant in
            if let value = constant["sval"]["sval"].string, !found.contains(value) { found.append(value) }
            return false
        }
        return found
    }
}
