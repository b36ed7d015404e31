/// Turns registered schema documents into a `CompiledProgram`. Schemas are compiled on demand, starting at
/// the root and following subschemas and references; each location is compiled once.
struct SchemaCompiler {
    let registry: SchemaRegistry
    let options: JSONSchemaValidator.Options
    var schemas: [CompiledSchema] = []
    var resources: [CompiledResource] = []
    var issues: [SchemaIssue] = []
    var rootDraft: SchemaDraft
    private var resourceIndex: [String: Int] = [:]
    private var indexByLocation: [SchemaLocation: Int] = [:]

    init(registry: SchemaRegistry, options: JSONSchemaValidator.Options) {
        self.registry = registry
        self.options = options
        self.rootDraft = options.defaultDraft
    }

    mutating func compileRoot(uri: String) -> Int? {
        let reference = URIReference(parsing: uri)
        guard let location = resolve(reference, dynamicAnchor: nil)?.location else { return nil }
        if let document = registry.document(location.document) {
            rootDraft = context(in: document, at: location.pointer).dialect.draft
        }
        return compile(at: location)
    }

    // MARK: Locations

    mutating func compile(at location: SchemaLocation) -> Int? {
        if let index = indexByLocation[location] { return index }
        guard let document = registry.document(location.document), let node = document.root.node(at: location.pointer)
        else { return nil }
        return compile(node, at: location, context: context(in: document, at: location.pointer))
    }

    /// The scan's context for a location, or one derived by walking the pointer (for `$ref`s into places the
    /// scan does not know, such as unknown keywords).
    private func context(in document: SchemaRegistry.Document, at pointer: String) -> SchemaContext {
        if let known = document.contexts[pointer] { return known }
        var context = document.contexts[""] ?? SchemaContext(
            baseURI: URIReference(parsing: document.uri), dialect: Dialect(draft: options.defaultDraft),
            resourceURI: document.uri, resourcePointer: "")
        var node = document.root
        var current = ""
        for token in JSONPointer.tokens(of: pointer) ?? [] {
            guard let child = node.child(token: token) else { break }
            node = child
            current += "/" + JSONPointer.escape(token)
            if let known = document.contexts[current] { context = known; continue }
            context.resourcePointer += "/" + JSONPointer.escape(token)
            let draft = context.dialect.draft
            if let id = node[draft.idKeyword]?.stringValue, !(draft.isLegacy && node["$ref"] != nil) {
                let resolved = context.baseURI.resolving(id)
                context.baseURI = resolved.withoutFragment
                context.resourceURI = SchemaRegistry.normalized(resolved.withoutFragment)
                context.resourcePointer = ""
            }
        }
        return context
    }

    /// Resolves a reference to a location; `dynamicAnchor` receives whether the fragment names a `$dynamicAnchor`.
    private func resolve(_ uri: URIReference, dynamicAnchor: String?) -> (location: SchemaLocation, isDynamic: Bool)? {
        let resource = SchemaRegistry.normalized(uri.withoutFragment)
        let fragment = percentDecoded(uri.fragment ?? "")
        if fragment.isEmpty || fragment.hasPrefix("/") {
            guard let root = registry.location(ofResource: resource),
                  let document = registry.document(root.document),
                  document.root.node(at: root.pointer + fragment) != nil
            else { return nil }
            return (SchemaLocation(document: root.document, pointer: root.pointer + fragment), false)
        }
        guard let location = registry.location(ofAnchor: fragment, in: resource) else { return nil }
        let isDynamic = registry.dynamicAnchors[resource]?.contains(fragment) ?? false
        return (location, isDynamic)
    }

    // MARK: Schemas

    private mutating func compile(_ node: JSONNode, at location: SchemaLocation, context: SchemaContext) -> Int {
        let index = schemas.count
        schemas.append(.placeholder)
        indexByLocation[location] = index
        let resource = compiledResource(context.resourceURI)
        var schema = CompiledSchema(body: .boolean(true), resource: resource,
                                    absoluteLocation: context.resourceURI + "#" + context.resourcePointer,
                                    document: location.document)
        switch node.value {
        case .bool(let value):
            schema.body = .boolean(value)
        case .object:
            var builder = KeywordBuilder(node: node, location: location, context: context)
            let keywords = compileKeywords(&builder)
            schema.hasUnevaluated = keywords.contains {
                if case .unevaluatedItems = $0.check { return true }
                if case .unevaluatedProperties = $0.check { return true }
                return false
            }
            schema.body = .keywords(keywords)
        default:
            issue("a schema must be an object or a boolean, found \(node.value.typeName)", location.pointer, node.range, location.document)
        }
        schemas[index] = schema
        return index
    }

    /// The compiled resource for a URI; creating it compiles its dynamic and recursive anchors, which the
    /// dynamic scope may need at validation time.
    private mutating func compiledResource(_ uri: String) -> Int {
        if let index = resourceIndex[uri] { return index }
        let index = resources.count
        resources.append(CompiledResource(uri: uri))
        resourceIndex[uri] = index
        for name in registry.dynamicAnchors[uri] ?? [] {
            if let location = registry.location(ofAnchor: name, in: uri), let schema = compile(at: location) {
                resources[index].dynamicAnchors[name] = schema
            }
        }
        if registry.recursiveAnchors.contains(uri), let root = registry.location(ofResource: uri) {
            resources[index].recursiveAnchorRoot = compile(at: root)
        }
        return index
    }

    mutating func issue(_ message: String, _ pointer: String, _ range: Range<Int>, _ document: String) {
        issues.append(SchemaIssue(message: message, document: document, pointer: pointer, range: range))
    }

    // MARK: Keywords

    private mutating func compileKeywords(_ builder: inout KeywordBuilder) -> [CompiledKeyword] {
        let draft = builder.context.dialect.draft
        let vocabularies = builder.context.dialect.vocabularies
        // Drafts 4 to 7: `$ref` overrides every sibling keyword.
        if draft.isLegacy, let ref = builder.member("$ref") {
            return [compileReference(ref, builder: builder, kind: "$ref")].compactMap { $0 }
        }
        var keywords: [CompiledKeyword] = []
        var deferred: [CompiledKeyword] = []
        for member in builder.members {
            let compiled: CompiledKeyword?
            switch member.key {
            case "$ref":
                compiled = compileReference(member, builder: builder, kind: "$ref")
            case "$dynamicRef" where draft == .draft2020_12:
                compiled = compileReference(member, builder: builder, kind: "$dynamicRef")
            case "$recursiveRef" where draft == .draft2019_09:
                compiled = compileReference(member, builder: builder, kind: "$recursiveRef")
            case "format":
                let assert = options.formatAssertion || vocabularies.contains(.formatAssertion)
                compiled = member.value.stringValue.map { builder.keyword(member, .format($0, assert: assert, draft: draft)) }
            default:
                if vocabularies.contains(.validation), let check = validationCheck(member, builder: builder) {
                    compiled = builder.keyword(member, check)
                } else if vocabularies.contains(.applicator) {
                    compiled = applicatorKeyword(member, builder: &builder)
                } else {
                    compiled = nil
                }
            }
            if let compiled { keywords.append(compiled) }
        }
        if vocabularies.contains(draft == .draft2019_09 ? .applicator : .unevaluated), !draft.isLegacy {
            for name in ["unevaluatedProperties", "unevaluatedItems"] {
                guard let member = builder.member(name) else { continue }
                let edge = subschema(member.value, path: "/" + name, builder: builder)
                deferred.append(builder.keyword(member, name == "unevaluatedItems" ? .unevaluatedItems(edge) : .unevaluatedProperties(edge)))
            }
        }
        return keywords + deferred
    }

    private mutating func compileReference(_ member: JSONMember, builder: KeywordBuilder, kind: String) -> CompiledKeyword? {
        guard let reference = member.value.stringValue else { return nil }
        let target = kind == "$recursiveRef" ? "#" : reference
        let uri = builder.context.baseURI.resolving(target)
        guard let resolved = resolve(uri, dynamicAnchor: nil), let schema = compile(at: resolved.location) else {
            issue("cannot resolve \(kind) `\(reference)`", builder.location.pointer + "/" + JSONPointer.escape(kind),
                  member.value.range, builder.location.document)
            return builder.keyword(member, .unresolved(reference))
        }
        let edge = SubschemaEdge(path: "/" + kind, schema: schema)
        switch kind {
        case "$dynamicRef":
            let anchor = resolved.isDynamic ? percentDecoded(uri.fragment ?? "") : nil
            return builder.keyword(member, .dynamicRef(edge, anchor: anchor))
        case "$recursiveRef":
            return builder.keyword(member, .recursiveRef(edge))
        default:
            return builder.keyword(member, .ref(edge))
        }
    }

    /// Compiles a subschema of the current schema object reached by `path` (e.g. `/properties/name`).
    mutating func subschema(_ node: JSONNode, path: String, builder: KeywordBuilder) -> SubschemaEdge {
        let location = SchemaLocation(document: builder.location.document, pointer: builder.location.pointer + path)
        if let index = indexByLocation[location] { return SubschemaEdge(path: path, schema: index) }
        let document = registry.document(location.document)
        var childContext = builder.context
        if let document, let known = document.contexts[location.pointer] {
            childContext = known
        } else {
            childContext.resourcePointer = builder.context.resourcePointer + path
        }
        return SubschemaEdge(path: path, schema: compile(node, at: location, context: childContext))
    }

    private mutating func subschemas(_ node: JSONNode, path: String, builder: KeywordBuilder) -> [SubschemaEdge]? {
        guard let elements = node.arrayValue else { return nil }
        return elements.enumerated().map { subschema($1, path: path + "/" + String($0), builder: builder) }
    }

    private mutating func propertySubschemas(_ node: JSONNode, path: String, builder: KeywordBuilder) -> [PropertyEdge]? {
        guard let members = node.objectMembers else { return nil }
        return members.map { member in
            PropertyEdge(name: member.key, edge: subschema(member.value, path: path + "/" + JSONPointer.escape(member.key), builder: builder))
        }
    }

    private mutating func regex(_ pattern: String, node: JSONNode, builder: KeywordBuilder, path: String) -> ECMARegex? {
        do {
            return try ECMARegex(pattern)
        } catch {
            issue("invalid regular expression `\(pattern)`: \(error.message)", builder.location.pointer + path, node.range,
                  builder.location.document)
            return nil
        }
    }

    // MARK: Validation vocabulary

    private mutating func validationCheck(_ member: JSONMember, builder: KeywordBuilder) -> KeywordCheck? {
        let value = member.value
        let draft = builder.context.dialect.draft
        switch member.key {
        case "type":
            guard let names = value.stringValue.map({ [$0] }) ?? value.arrayValue?.compactMap(\.stringValue) else { return nil }
            var set = names.compactMap(JSONTypeSet.init(name:)).reduce(into: JSONTypeSet()) { $0.formUnion($1) }
            if value.stringValue != nil && set.isEmpty { return nil }
            if draft == .draft4 { set.insert(.integerWithoutFraction) }
            return .type(set, names: names)
        case "const" where draft != .draft4: return .constant(value.value)
        case "enum": return value.arrayValue.map { .enumeration($0.map(\.value)) }
        case "multipleOf": return value.numberValue.map { .multipleOf($0) }
        // Draft-04's `exclusiveMinimum`/`exclusiveMaximum` are booleans that make `minimum`/`maximum` exclusive.
        case "minimum":
            let exclusive = draft == .draft4 && builder.member("exclusiveMinimum")?.value.boolValue == true
            return value.numberValue.map { .minimum($0, exclusive: exclusive) }
        case "exclusiveMinimum" where draft != .draft4: return value.numberValue.map { .minimum($0, exclusive: true) }
        case "maximum":
            let exclusive = draft == .draft4 && builder.member("exclusiveMaximum")?.value.boolValue == true
            return value.numberValue.map { .maximum($0, exclusive: exclusive) }
        case "exclusiveMaximum" where draft != .draft4: return value.numberValue.map { .maximum($0, exclusive: true) }
        case "minLength": return count(value).map { .minLength($0) }
        case "maxLength": return count(value).map { .maxLength($0) }
        case "pattern":
            guard let pattern = value.stringValue else { return nil }
            return regex(pattern, node: value, builder: builder, path: "/pattern").map { .pattern($0) }
        case "minItems": return count(value).map { .minItems($0) }
        case "maxItems": return count(value).map { .maxItems($0) }
        case "uniqueItems": return value.boolValue == true ? .uniqueItems : nil
        case "minProperties": return count(value).map { .minProperties($0) }
        case "maxProperties": return count(value).map { .maxProperties($0) }
        case "required":
            return value.arrayValue.map { .required($0.compactMap(\.stringValue)) }
        // Annotations in every draft (draft-07 §8 says a validator may assert them, the suite treats them as
        // optional): asserted only when asked to.
        case "contentMediaType" where options.contentAssertion && draft.hasContentKeywords:
            return .content(encoding: builder.member("contentEncoding")?.value.stringValue, mediaType: value.stringValue)
        case "contentEncoding" where options.contentAssertion && draft.hasContentKeywords && builder.member("contentMediaType") == nil:
            return .content(encoding: value.stringValue, mediaType: nil)
        case "dependentRequired" where !draft.isLegacy:
            return value.objectMembers.map { members in
                .dependentRequired(members.map { ($0.key, $0.value.arrayValue?.compactMap(\.stringValue) ?? []) })
            }
        default:
            return nil
        }
    }

    /// A non-negative integer keyword value (`2.0` counts); huge values saturate.
    private func count(_ node: JSONNode) -> Int? {
        guard let number = node.numberValue, number.isInteger, number.double >= 0 else { return nil }
        return number.double >= 9.0e15 ? Int.max : Int(number.double)
    }

    // MARK: Applicator vocabulary

    private mutating func applicatorKeyword(_ member: JSONMember, builder: inout KeywordBuilder) -> CompiledKeyword? {
        let draft = builder.context.dialect.draft
        let value = member.value
        let path = "/" + JSONPointer.escape(member.key)
        let check: KeywordCheck?
        switch member.key {
        case "properties":
            check = propertySubschemas(value, path: path, builder: builder).map { edges in
                .properties(Dictionary(edges.map { ($0.name, $0.edge) }, uniquingKeysWith: { $1 }))
            }
        case "patternProperties":
            check = patternEdges(builder: &builder).map { .patternProperties($0) }
        case "additionalProperties":
            let known = Set(builder.member("properties")?.value.objectMembers?.map(\.key) ?? [])
            let patterns = patternEdges(builder: &builder)?.map(\.regex) ?? []
            check = .additionalProperties(subschema(value, path: path, builder: builder), known: known, patterns: patterns)
        case "propertyNames" where draft != .draft4:
            check = .propertyNames(subschema(value, path: path, builder: builder))
        case "dependentSchemas" where !draft.isLegacy:
            check = propertySubschemas(value, path: path, builder: builder).map { .dependentSchemas($0) }
        case "dependencies":
            // Draft-07's keyword; later drafts split it, but it is still honoured there for compatibility.
            return dependencies(member, builder: builder)
        case "prefixItems" where draft == .draft2020_12:
            check = subschemas(value, path: path, builder: builder).map { .prefixItems($0) }
        case "items":
            if draft != .draft2020_12, let edges = subschemas(value, path: path, builder: builder) {
                check = .prefixItems(edges)
            } else {
                let start = draft == .draft2020_12 ? builder.member("prefixItems")?.value.arrayValue?.count ?? 0 : 0
                check = .items(subschema(value, path: path, builder: builder), start: start)
            }
        case "additionalItems" where draft != .draft2020_12:
            // Only meaningful after the array form of `items`.
            guard let positional = builder.member("items")?.value.arrayValue else { return nil }
            check = .items(subschema(value, path: path, builder: builder), start: positional.count)
        case "contains" where draft != .draft4:
            let edge = subschema(value, path: path, builder: builder)
            var minimum = 1
            var maximum: Int? = nil
            if !draft.isLegacy, builder.context.dialect.vocabularies.contains(.validation) {
                minimum = builder.member("minContains").flatMap { count($0.value) } ?? 1
                maximum = builder.member("maxContains").flatMap { count($0.value) }
            }
            check = .contains(edge, min: minimum, max: maximum, annotates: draft == .draft2020_12)
        case "allOf":
            check = subschemas(value, path: path, builder: builder).map { .allOf($0) }
        case "anyOf":
            check = subschemas(value, path: path, builder: builder).map { .anyOf($0) }
        case "oneOf":
            check = subschemas(value, path: path, builder: builder).map { .oneOf($0) }
        case "not":
            check = .not(subschema(value, path: path, builder: builder))
        case "if" where draft != .draft4 && draft != .draft6:
            let thenEdge = builder.member("then").map { subschema($0.value, path: "/then", builder: builder) }
            let elseEdge = builder.member("else").map { subschema($0.value, path: "/else", builder: builder) }
            check = .conditional(if: subschema(value, path: path, builder: builder), then: thenEdge, else: elseEdge)
        default:
            check = nil
        }
        return check.map { builder.keyword(member, $0) }
    }

    /// `patternProperties` of the schema object being compiled (shared with `additionalProperties`).
    private mutating func patternEdges(builder: inout KeywordBuilder) -> [PatternEdge]? {
        if let cached = builder.patternEdges { return cached }
        guard let members = builder.member("patternProperties")?.value.objectMembers else { return nil }
        var edges: [PatternEdge] = []
        for member in members {
            let path = "/patternProperties/" + JSONPointer.escape(member.key)
            guard let regex = regex(member.key, node: member.value, builder: builder, path: path) else { continue }
            edges.append(PatternEdge(regex: regex, edge: subschema(member.value, path: path, builder: builder)))
        }
        builder.patternEdges = edges
        return edges
    }

    /// Draft-07 `dependencies`: arrays are required properties, schemas apply to the whole object.
    private mutating func dependencies(_ member: JSONMember, builder: KeywordBuilder) -> CompiledKeyword? {
        guard let entries = member.value.objectMembers else { return nil }
        var required: [(property: String, requires: [String])] = []
        var schemas: [PropertyEdge] = []
        for entry in entries {
            if let names = entry.value.arrayValue {
                required.append((entry.key, names.compactMap(\.stringValue)))
            } else {
                let edge = subschema(entry.value, path: "/dependencies/" + JSONPointer.escape(entry.key), builder: builder)
                schemas.append(PropertyEdge(name: entry.key, edge: edge))
            }
        }
        // One keyword with both parts: an allOf-like pair keeps a single `dependencies` name in errors.
        return builder.keyword(member, .dependencies(required: required, schemas: schemas))
    }
}

/// The schema object being compiled: its members (last duplicate wins) and cached shared parts.
struct KeywordBuilder {
    let node: JSONNode
    let location: SchemaLocation
    let context: SchemaContext
    let members: [JSONMember]
    var patternEdges: [PatternEdge]?

    init(node: JSONNode, location: SchemaLocation, context: SchemaContext) {
        self.node = node
        self.location = location
        self.context = context
        let all = node.objectMembers ?? []
        // Keep the last of duplicate keys, in source order.
        var seen = Set<String>()
        var kept: [JSONMember] = []
        for member in all.reversed() where seen.insert(member.key).inserted { kept.append(member) }
        self.members = kept.reversed()
    }

    func member(_ key: String) -> JSONMember? { members.first { $0.key == key } }

    func keyword(_ member: JSONMember, _ check: KeywordCheck) -> CompiledKeyword {
        CompiledKeyword(name: member.key, range: member.keyRange.lowerBound..<member.value.range.upperBound, check: check)
    }
}
