import Core
import JSON

/// Compiles every project schema once (all of them in one registry, so cross-file `$ref`s resolve) and
/// validates every linked data file once; rules read the results from `GistSet`.
enum GistValidation {
    static let options = GistSchemaOptions.validator

    static func schemaChecks(_ schemas: [GistFile]) -> [String: SchemaCheck] {
        var registry = SchemaRegistry()
        let parsed = schemas.compactMap { file in file.document.map { (file.path, $0) } }
        for (path, root) in parsed {
            registry.register(root, uri: GistSchemaURI.uri(forPath: path), defaultDraft: options.defaultDraft)
        }
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
        return byPath
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
