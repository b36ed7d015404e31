import Core
import Foundation
import Gists
import JSON

/// `schemalint validate --schema FILE DATA…`: validates JSON files against one JSON Schema, like check-jsonschema.
public struct ValidateOptions: Sendable {
    public var schemaPath: String
    public var dataPaths: [String]
    public var format: ValidateFormat
    /// `format`: asserted by default (as check-jsonschema does), an annotation with `.annotate`.
    public var formats: AssertionMode
    /// `contentEncoding`/`contentMediaType`/`contentSchema`: annotations by default, as every draft says.
    public var content: AssertionMode
    /// The draft of a schema without `$schema`.
    public var defaultDraft: SchemaDraft
    /// Folders of local copies of remote schemas, found by `$id` or by URL path (`--schema-dir`).
    public var schemaFolders: [String]

    public init(schemaPath: String, dataPaths: [String], format: ValidateFormat = .text, formats: AssertionMode = .assert,
                content: AssertionMode = .annotate, defaultDraft: SchemaDraft = GistSchemaOptions.validator.defaultDraft,
                schemaFolders: [String] = []) {
        self.schemaPath = schemaPath
        self.dataPaths = dataPaths
        self.format = format
        self.formats = formats
        self.content = content
        self.defaultDraft = defaultDraft
        self.schemaFolders = schemaFolders
    }

    var validatorOptions: JSONSchemaValidator.Options {
        JSONSchemaValidator.Options(formatAssertion: formats == .assert, contentAssertion: content == .assert,
                                    defaultDraft: defaultDraft)
    }
}

/// Whether a keyword family is asserted or only an annotation.
public enum AssertionMode: String, Sendable, CaseIterable {
    case assert
    case annotate
}

public enum ValidateFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// Something located in a file (a position is absent when the file could not be read).
public struct ValidateProblem: Sendable {
    public var path: String
    public var position: SourcePosition?
    public var message: String
}

/// One failing keyword of one data file, located.
public struct ValidateError: Sendable {
    public var instancePointer: String
    public var keyword: String
    public var schemaPointer: String
    public var position: SourcePosition
    public var message: String
}

/// The verdict on one data file.
public struct ValidateResult: Sendable {
    public var path: String
    public var errors: [ValidateError]
    public var valid: Bool { errors.isEmpty }
}

/// What `validate` prints and how it exits: 0 all valid, 1 any invalid, 2 unusable schema.
public struct ValidateOutcome: Sendable {
    public var standardOutput: String
    public var standardError: String
    public var exitCode: Int32
}

public enum ValidateRunner {
    public static func run(_ options: ValidateOptions) -> ValidateOutcome {
        let validator: JSONSchemaValidator
        switch ValidateSchemaLoading.load(options.schemaPath, options: options) {
        case .failure(let unusable):
            let lines = unusable.problems.map { problem in
                let place = problem.position.map { "\(problem.path):\($0.line):\($0.column)" } ?? problem.path
                return "\(place): error: \(problem.message)"
            }
            return ValidateOutcome(standardOutput: "", standardError: lines.joined(separator: "\n") + "\n", exitCode: 2)
        case .success(let compiled):
            validator = compiled
        }
        let results = options.dataPaths.concurrentMap { path in validate(path, with: validator) }
        let output = options.format == .json ? ValidateOutput.json(results) : ValidateOutput.text(results)
        return ValidateOutcome(standardOutput: output, standardError: "", exitCode: results.allSatisfy(\.valid) ? 0 : 1)
    }

    /// A data file that cannot be read or parsed is invalid, with one error saying why (keyword `$json`).
    static func validate(_ path: String, with validator: JSONSchemaValidator) -> ValidateResult {
        guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
            return ValidateResult(path: path, errors: [ValidateError(
                instancePointer: "", keyword: "$json", schemaPointer: "", position: SourcePosition(line: 1, column: 1),
                message: "cannot read the file")])
        }
        switch JSONReader.parse(bytes) {
        case .failure(let error):
            let source = SourceFile(path: path, bytes: bytes)
            return ValidateResult(path: path, errors: [ValidateError(
                instancePointer: "", keyword: "$json", schemaPointer: "", position: source.position(of: error.range.lowerBound),
                message: "not valid JSON: \(error.message)")])
        case .success(let root):
            // Most files are valid: the fast verdict first, and a line index only when there are errors to locate.
            if validator.isValid(root) { return ValidateResult(path: path, errors: []) }
            let source = SourceFile(path: path, bytes: bytes)
            let errors = validator.validate(root).map { error in
                ValidateError(
                    instancePointer: error.instancePointer, keyword: error.keyword, schemaPointer: error.schemaPointer,
                    position: source.position(of: error.instanceRange.lowerBound), message: error.message)
            }
            return ValidateResult(path: path, errors: errors)
        }
    }
}
