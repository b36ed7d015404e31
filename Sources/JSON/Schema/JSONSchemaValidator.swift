/// A JSON Schema (drafts 2020-12, 2019-09, draft-07) compiled once and able to validate many instances.
///
/// ```swift
/// var registry = SchemaRegistry()                       // metaschemas preloaded
/// let validator = try JSONSchemaValidator(schema: schemaRoot, uri: "file:///gists/config.schema.json", registry: registry)
/// let errors = validator.validate(instanceRoot)         // [] when valid
/// ```
public struct JSONSchemaValidator: Sendable {
    public struct Options: Sendable {
        /// Treat `format` as an assertion (by default it is an annotation, as the specification says).
        public var formatAssertion: Bool
        /// Treat draft-07 `contentEncoding`/`contentMediaType` as assertions (every draft makes them annotations).
        public var contentAssertion: Bool
        /// The draft of a schema without `$schema`.
        public var defaultDraft: SchemaDraft

        public init(formatAssertion: Bool = false, contentAssertion: Bool = false, defaultDraft: SchemaDraft = .draft2020_12) {
            self.formatAssertion = formatAssertion
            self.contentAssertion = contentAssertion
            self.defaultDraft = defaultDraft
        }
    }

    let program: CompiledProgram
    /// The draft the root schema was read as.
    public let draft: SchemaDraft

    /// Compiles `schema`, registered under `uri` (its retrieval URI: relative `$ref`s resolve against it unless
    /// the schema has an `$id`). Throws every unresolvable `$ref` or invalid `pattern`, with its location.
    public init(schema: JSONNode, uri: String = "urn:schemalint:root", registry: SchemaRegistry = SchemaRegistry(),
                options: Options = Options()) throws(SchemaCompilationError) {
        var registry = registry
        registry.register(schema, uri: uri, defaultDraft: options.defaultDraft)
        try self.init(uri: uri, registry: registry, options: options)
    }

    /// Compiles the schema already registered under `uri` (a document URI, optionally with a fragment).
    public init(uri: String, registry: SchemaRegistry, options: Options = Options()) throws(SchemaCompilationError) {
        var compiler = SchemaCompiler(registry: registry, options: options)
        let root = compiler.compileRoot(uri: uri)
        guard let root, compiler.issues.isEmpty else {
            let issues = compiler.issues.isEmpty
                ? [SchemaIssue(message: "no schema at `\(uri)`", document: uri, pointer: "", range: 0..<0)] : compiler.issues
            throw SchemaCompilationError(issues: issues)
        }
        program = CompiledProgram(schemas: compiler.schemas, resources: compiler.resources, root: root)
        draft = compiler.rootDraft
    }

    /// Validates an instance; returns one error per failing keyword (empty when valid). When evaluation could not
    /// finish (a pattern or the schema too expensive to evaluate), the one error says so instead: anything else
    /// found would be a guess.
    public func validate(_ instance: JSONNode) -> [SchemaValidationError] {
        var evaluation = SchemaEvaluation(program: program, instanceSize: instance.range.count)
        var annotations: Annotations? = nil
        _ = evaluation.evaluate(program.root, instance, collect: true, annotations: &annotations)
        if let undecided = evaluation.undecided { return [undecided] }
        return evaluation.errors
    }

    /// Only the verdict; faster than `validate` because it stops at the first failure. False when evaluation
    /// could not finish (then `validate` says why).
    public func isValid(_ instance: JSONNode) -> Bool {
        var evaluation = SchemaEvaluation(program: program, instanceSize: instance.range.count)
        var annotations: Annotations? = nil
        let valid = evaluation.evaluate(program.root, instance, collect: false, annotations: &annotations)
        return valid && evaluation.undecided == nil
    }
}
