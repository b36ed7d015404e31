import Core
import JSON

/// Compiles every project schema once (all of them in one registry, so cross-file `$ref`s resolve) and
/// validates every linked data file once; rules read the results from `GistSet`.
enum GistValidation {
    static let options = GistSchemaOptions.validator

    /// Every schema's check, and the other URIs some schema files were registered under (`$ref` fallbacks).
    static func schemaChecks(_ schemas: [GistFile]) -> (checks: [String: SchemaCheck], aliases: [String: String]) {
        // A registry parses the draft metaschemas it holds (11 M instructions): not for a repository without schemas.
        guard !schemas.isEmpty else { return ([:], [:]) }
        var registry = SchemaRegistry()
        let parsed = schemas.compactMap { file in file.document.map { (file.path, $0) } }
        for (path, root) in parsed {
            registry.register(root, uri: GistSchemaURI.uri(forPath: path), defaultDraft: options.defaultDraft)
        }
        let aliases = registerFallbacks(parsed, in: &registry)
        let shared = registry
        let checks = parsed.concurrentMap { path, root -> SchemaCheck in
            let metaschemaErrors = JSONSchemaValidator.validateSchemaAgainstMetaschema(
                root, registry: shared, defaultDraft: options.defaultDraft)
            do throws(SchemaCompilationError) {
                let validator = try JSONSchemaValidator(uri: GistSchemaURI.uri(forPath: path), registry: shared, options: options)
                return SchemaCheck(validator: validator, compilationIssues: [], metaschemaErrors: metaschemaErrors)
            } catch {
                return SchemaCheck(validator: nil, compilationIssues: error.issues, metaschemaErrors: metaschemaErrors)
            }
        }
        var byPath: [String: SchemaCheck] = [:]
        for (index, entry) in parsed.enumerated() { byPath[entry.0] = checks[index] }
        return (byPath, aliases)
    }

    /// `$ref` targets no project schema declares, found as `validate` finds them (`LocalSchemaLookup`): a file
    /// named without `.json`, or a URL whose last segment names a schema file beside the referring one. Each is
    /// registered under the target URI; returns target URI → schema path.
    private static func registerFallbacks(_ parsed: [(String, JSONNode)], in registry: inout SchemaRegistry) -> [String: String] {
        let roots = Dictionary(parsed, uniquingKeysWith: { first, _ in first })
        var aliases: [String: String] = [:]
        var pending = parsed.map { (uri: GistSchemaURI.uri(forPath: $0.0), path: $0.0) }
        while let (uri, path) = pending.popLast() {
            let folder = String(path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
            for reference in registry.references(inDocument: uri) where !registry.hasResource(reference.target) {
                let candidates = LocalSchemaLookup.candidates(for: reference.target, folders: [folder])
                    .map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
                guard let found = candidates.first(where: { roots[$0] != nil }), let root = roots[found] else { continue }
                registry.register(root, uri: reference.target, defaultDraft: options.defaultDraft)
                aliases[reference.target] = found
                pending.append((reference.target, found))
            }
        }
        return aliases
    }

    /// Validates each linked data file; errors caused by a keyword that itself fails the metaschema are dropped,
    /// because `gist/invalid-schema` already reports that keyword.
    static func validations(
        data: [GistFile], links: [String: String], missing: [String: DataValidation], checks: [String: SchemaCheck],
        schemaPaths: [String: String]
    ) -> [String: DataValidation] {
        let results = data.concurrentMap { file -> DataValidation? in
            if let problem = missing[file.path] { return problem }
            guard let root = file.document, let schema = links[file.path] else { return nil }
            guard let check = checks[schema], let validator = check.validator else { return .schemaUnusable(schema: schema) }
            let errors = validator.validate(root).filter { error in
                !causedByInvalidKeyword(error, checks: checks, schemaPaths: schemaPaths)
            }
            return .validated(schema: schema, errors: errors)
        }
        var byPath: [String: DataValidation] = [:]
        for (index, file) in data.enumerated() { if let result = results[index] { byPath[file.path] = result } }
        return byPath
    }

    private static func causedByInvalidKeyword(
        _ error: SchemaValidationError, checks: [String: SchemaCheck], schemaPaths: [String: String]
    ) -> Bool {
        guard let range = error.schemaRange, let path = schemaPaths[error.schemaDocument],
              let invalid = checks[path]?.metaschemaErrors, !invalid.isEmpty else { return false }
        return invalid.contains { range.contains($0.instanceRange.lowerBound) && $0.instanceRange.upperBound <= range.upperBound }
    }
}
