/// A place in a registered document: the document's URI and a JSON pointer inside it.
struct SchemaLocation: Sendable, Hashable {
    var document: String
    var pointer: String
}

/// What the scan knows about a schema object: the base URI in force there and how to read its keywords.
struct SchemaContext: Sendable {
    var baseURI: URIReference
    var dialect: Dialect
    /// The enclosing schema resource (its URI without fragment) and the pointer from that resource's root.
    var resourceURI: String
    var resourcePointer: String
}

/// Schema documents by URI, with every schema resource (`$id`) and anchor they declare. The standard
/// metaschemas (draft 2020-12, 2019-09 with vocabularies, draft-07) are preloaded. Nothing is fetched.
public struct SchemaRegistry: Sendable {
    struct Document: Sendable {
        var uri: String
        var root: JSONNode
        /// Every schema location found by the scan (subschemas of known keywords), by pointer.
        var contexts: [String: SchemaContext] = [:]
        var references: [SchemaReference] = []
    }

    private(set) var documents: [String: Document] = [:]
    /// Resource URI (no fragment) to the location of its root.
    private(set) var resources: [String: SchemaLocation] = [:]
    /// `resourceURI#name` to the anchored schema (`$anchor`, `$dynamicAnchor`, draft-07 `$id: "#name"`).
    private(set) var anchors: [String: SchemaLocation] = [:]
    /// Resource URI to its `$dynamicAnchor` names (2020-12).
    private(set) var dynamicAnchors: [String: Set<String>] = [:]
    /// Resources whose root has `"$recursiveAnchor": true` (2019-09).
    private(set) var recursiveAnchors: Set<String> = []
    /// `$vocabulary` declared by documents that serve as custom metaschemas, by resource URI.
    private(set) var declaredVocabularies: [String: Vocabularies] = [:]

    /// A registry holding the standard metaschemas.
    public init() { self = Self.standard }

    /// An empty registry (not even the metaschemas).
    public static var empty: SchemaRegistry { SchemaRegistry(empty: ()) }

    private init(empty: ()) {}

    /// The standard metaschemas, parsed and scanned once.
    static let standard: SchemaRegistry = {
        var registry = SchemaRegistry(empty: ())
        for metaschema in BundledMetaschemas.all {
            if case .success(let root) = JSONReader.parse(Array(metaschema.text.utf8)) {
                registry.register(root, uri: metaschema.uri)
            }
        }
        return registry
    }()

    /// Registers a schema document under `uri` (its retrieval URI; an `$id` at its root adds another name).
    /// `defaultDraft` applies when the document has no `$schema`.
    public mutating func register(_ root: JSONNode, uri: String, defaultDraft: SchemaDraft = .draft2020_12) {
        let documentURI = Self.normalized(URIReference(parsing: uri))
        documents[documentURI] = Document(uri: documentURI, root: root)
        resources[documentURI] = SchemaLocation(document: documentURI, pointer: "")
        var scanner = ResourceScanner(registry: self, documentURI: documentURI)
        let dialect = dialect(forSchemaAt: root, inherited: Dialect(draft: defaultDraft))
        scanner.scan(root, pointer: "", context: SchemaContext(
            baseURI: URIReference(parsing: documentURI), dialect: dialect, resourceURI: documentURI, resourcePointer: ""))
        self = scanner.registry
        self.documents[documentURI]?.contexts = scanner.contexts
        self.documents[documentURI]?.references = scanner.references
        if case .object = root.value, let vocabulary = root["$vocabulary"]?.objectMembers {
            declaredVocabularies[documentURI] = Vocabularies(vocabularyURIs: vocabulary.map(\.key))
        }
    }

    /// The dialect of a schema object: its own `$schema` if it names a known draft or a registered custom
    /// metaschema, else the inherited one.
    func dialect(forSchemaAt node: JSONNode, inherited: Dialect) -> Dialect {
        guard let uri = node["$schema"]?.stringValue else { return inherited }
        if let draft = SchemaDraft(metaschemaURI: uri) { return Dialect(draft: draft) }
        let key = Self.normalized(URIReference(parsing: uri))
        if let metaschema = documents[key]?.root {
            let draft = metaschema["$schema"]?.stringValue.flatMap(SchemaDraft.init(metaschemaURI:)) ?? inherited.draft
            let vocabularies = metaschema["$vocabulary"]?.objectMembers.map { Vocabularies(vocabularyURIs: $0.map(\.key)) }
            return Dialect(draft: draft, vocabularies: vocabularies ?? .all)
        }
        return inherited
    }

    /// A URI as used for keys: no empty fragment (`…/schema#` names the same resource as `…/schema`).
    static func normalized(_ uri: URIReference) -> String {
        var copy = uri
        if copy.fragment?.isEmpty == true { copy.fragment = nil }
        return copy.text
    }

    func document(_ uri: String) -> Document? { documents[uri] }

    /// The `$ref`s and `$dynamicRef`s of the document registered under `uri`, each resolved against the base URI
    /// in force where it is written (the nearest `$id`), so a loader can tell which targets it still has to find.
    public func references(inDocument uri: String) -> [SchemaReference] {
        documents[Self.normalized(URIReference(parsing: uri))]?.references ?? []
    }

    /// Whether a schema resource (a document or an embedded `$id`) is known under `uri` (fragment ignored).
    public func hasResource(_ uri: String) -> Bool {
        resources[Self.normalized(URIReference(parsing: uri).withoutFragment)] != nil
    }

    func location(ofResource uri: String) -> SchemaLocation? { resources[uri] }

    func location(ofAnchor name: String, in resourceURI: String) -> SchemaLocation? { anchors[resourceURI + "#" + name] }

    fileprivate mutating func addResource(_ uri: String, at location: SchemaLocation) {
        // The first declaration wins: a document registered later must not hijack a known resource.
        if resources[uri] == nil { resources[uri] = location }
    }

    fileprivate mutating func addAnchor(_ name: String, in resourceURI: String, at location: SchemaLocation, dynamic: Bool) {
        if anchors[resourceURI + "#" + name] == nil { anchors[resourceURI + "#" + name] = location }
        if dynamic { dynamicAnchors[resourceURI, default: []].insert(name) }
    }

    fileprivate mutating func addRecursiveAnchor(_ resourceURI: String) { recursiveAnchors.insert(resourceURI) }
}

/// A reference written in a schema: its text, the resource it targets (absolute, no fragment) and where it is.
public struct SchemaReference: Sendable {
    public var text: String
    public var target: String
    public var range: Range<Int>
}

/// Walks a document's schema keywords, recording base URIs, resources and anchors.
private struct ResourceScanner {
    var registry: SchemaRegistry
    let documentURI: String
    var contexts: [String: SchemaContext] = [:]
    var references: [SchemaReference] = []

    mutating func scan(_ node: JSONNode, pointer: String, context: SchemaContext) {
        guard case .object = node.value else {
            contexts[pointer] = context
            return
        }
        var context = context
        let location = SchemaLocation(document: documentURI, pointer: pointer)
        let draft = context.dialect.draft
        // Drafts 4 to 7: `$ref` hides its siblings, `$id` included.
        let refHidesSiblings = draft.isLegacy && node["$ref"] != nil
        if !refHidesSiblings, let id = node[draft.idKeyword]?.stringValue {
            let resolved = context.baseURI.resolving(id)
            if draft.isLegacy, let fragment = resolved.fragment, !fragment.isEmpty {
                // `"$id": "#foo"` (or `other.json#foo`) in drafts 4 to 7 is a plain-name anchor.
                if !id.hasPrefix("#") { enterResource(resolved.withoutFragment, location: location, context: &context) }
                registry.addAnchor(fragment, in: context.resourceURI, at: location, dynamic: false)
            } else {
                enterResource(resolved.withoutFragment, location: location, context: &context)
                context.dialect = registry.dialect(forSchemaAt: node, inherited: context.dialect)
            }
        }
        contexts[pointer] = context
        for keyword in ["$ref", "$dynamicRef"] {
            guard let value = node[keyword], let text = value.stringValue else { continue }
            references.append(SchemaReference(
                text: text, target: SchemaRegistry.normalized(context.baseURI.resolving(text).withoutFragment),
                range: value.range))
        }
        if refHidesSiblings { return }
        if !draft.isLegacy {
            if let anchor = node["$anchor"]?.stringValue {
                registry.addAnchor(anchor, in: context.resourceURI, at: location, dynamic: false)
            }
            if draft == .draft2020_12, let anchor = node["$dynamicAnchor"]?.stringValue {
                registry.addAnchor(anchor, in: context.resourceURI, at: location, dynamic: true)
            }
            if draft == .draft2019_09, node["$recursiveAnchor"]?.boolValue == true, context.resourcePointer.isEmpty {
                registry.addRecursiveAnchor(context.resourceURI)
            }
        }
        forEachSubschema(of: node, draft: context.dialect.draft) { child, token in
            var childContext = context
            childContext.resourcePointer = context.resourcePointer + token
            scan(child, pointer: pointer + token, context: childContext)
        }
    }

    private mutating func enterResource(_ uri: URIReference, location: SchemaLocation, context: inout SchemaContext) {
        let key = SchemaRegistry.normalized(uri)
        registry.addResource(key, at: location)
        context.baseURI = uri
        context.resourceURI = key
        context.resourcePointer = ""
    }
}

/// Calls `body` with every direct subschema of a schema object and the pointer suffix that reaches it.
func forEachSubschema(of node: JSONNode, draft: SchemaDraft, _ body: (JSONNode, String) -> Void) {
    guard let members = node.objectMembers else { return }
    for member in members {
        let keyToken = "/" + JSONPointer.escape(member.key)
        if draft.singleSchemaKeywords.contains(member.key), isSchemaShaped(member.value) {
            body(member.value, keyToken)
        }
        if draft.schemaArrayKeywords.contains(member.key), let elements = member.value.arrayValue {
            for (index, element) in elements.enumerated() { body(element, keyToken + "/" + String(index)) }
        }
        if draft.schemaMapKeywords.contains(member.key), let entries = member.value.objectMembers {
            for entry in entries where isSchemaShaped(entry.value) {
                body(entry.value, keyToken + "/" + JSONPointer.escape(entry.key))
            }
        }
    }
}

private func isSchemaShaped(_ node: JSONNode) -> Bool {
    switch node.value {
    case .object, .bool: true
    default: false
    }
}
