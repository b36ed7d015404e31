import Core
import JSON

/// The Gist files of a project, which schema each data file names, and (computed once, in parallel) every
/// schema compiled and every linked data file validated.
public struct GistSet: Sendable {
    public var files: [GistFile]
    /// Data file path → schema file path, from `$schema` or `gists.map`.
    public var schemaOfData: [String: String]
    /// Schema file path → its compilation and metaschema outcome (files that are valid JSON only).
    public let schemaChecks: [String: SchemaCheck]
    /// Data file path → its validation outcome (data files that name a schema only).
    public let dataValidations: [String: DataValidation]
    /// Registry URI of each schema file → its path (to map validator locations back to files).
    public let schemaPathsByURI: [String: String]

    /// `missingSchemas`: data files whose schema reference names no schema file of the project.
    public init(files: [GistFile], schemaOfData: [String: String], missingSchemas: [String: DataValidation] = [:]) {
        self.files = files
        self.schemaOfData = schemaOfData
        let schemas = files.filter { $0.role == .schema }
        var uris: [String: String] = [:]
        for schema in schemas { uris[GistSchemaURI.uri(forPath: schema.path)] = schema.path }
        let (checks, aliases) = GistValidation.schemaChecks(schemas)
        uris.merge(aliases) { own, _ in own }
        schemaPathsByURI = uris
        schemaChecks = checks
        dataValidations = GistValidation.validations(
            data: files.filter { $0.role == .data }, links: schemaOfData, missing: missingSchemas, checks: checks,
            schemaPaths: uris)
    }

    public var dataFiles: [GistFile] { files.filter { $0.role == .data } }
    public var schemaFiles: [GistFile] { files.filter { $0.role == .schema } }

    public func file(_ path: String) -> GistFile? { files.first { $0.path == path } }

    /// The project path of a schema document URI (`file:///gists/a.schema.json`), or nil for other documents.
    public func schemaPath(forURI uri: String) -> String? { schemaPathsByURI[uri] }

    /// Links data files to schemas: `gists.map` first, then a `$schema` that is a relative path or a schema's `$id`.
    public static func link(files: [GistFile], map: [String: String]) -> GistSet {
        let schemas = files.filter { $0.role == .schema }
        let schemaPaths = Set(schemas.map(\.path))
        var byID: [String: String] = [:]
        for schema in schemas {
            if let id = schema.document?["$id"]?.stringValue { byID[id] = schema.path }
        }
        var links: [String: String] = [:]
        var missing: [String: DataValidation] = [:]
        for data in files where data.role == .data {
            if let mapped = map[data.path] {
                if schemaPaths.contains(mapped) {
                    links[data.path] = mapped
                } else {
                    let start = data.document?.range.lowerBound ?? 0
                    missing[data.path] = .schemaMissing(reference: mapped, range: start..<(start + 1))
                }
            } else if let member = data.document?.member(named: "$schema"), let reference = member.value.stringValue {
                let relative = RelativePath.resolve(reference, from: data.path)
                if schemaPaths.contains(relative) {
                    links[data.path] = relative
                } else if let byIdentifier = byID[reference] {
                    links[data.path] = byIdentifier
                } else if isPathReference(reference) {
                    missing[data.path] = .schemaMissing(reference: relative, range: member.value.range)
                } else if reference.contains("://") {
                    // A URL schemalint never fetches: unvalidated, which must be said rather than passed silently.
                    missing[data.path] = .schemaMissing(reference: reference, range: member.value.range)
                }
            }
        }
        return GistSet(files: files, schemaOfData: links, missingSchemas: missing)
    }

    /// A `$schema` value that names a file rather than a URL or URN (which may live outside the project).
    private static func isPathReference(_ reference: String) -> Bool {
        !reference.isEmpty && !reference.contains("://") && !reference.hasPrefix("urn:") && !reference.hasPrefix("#")
    }
}
