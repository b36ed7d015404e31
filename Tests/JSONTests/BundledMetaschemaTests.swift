import Foundation
import Testing
import TestSupport
@testable import JSON

/// The metaschemas embedded by Sources/JSON/Metaschemas/generate.sh must equal the shared copies byte for byte.
@Suite struct BundledMetaschemaTests {
    static let files: [(uri: String, path: String)] = [
        ("https://json-schema.org/draft/2020-12/schema", "draft202012/metaschema.json"),
        ("https://json-schema.org/draft/2019-09/schema", "draft201909/metaschema.json"),
        ("http://json-schema.org/draft-07/schema", "draft7/metaschema.json"),
        ("http://json-schema.org/draft-06/schema", "draft6/metaschema.json"),
        ("http://json-schema.org/draft-04/schema", "draft4/metaschema.json"),
    ] + ["core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "format-assertion", "content"].map {
        ("https://json-schema.org/draft/2020-12/meta/\($0)", "draft202012/vocabularies/\($0)")
    } + ["core", "applicator", "validation", "meta-data", "format", "content"].map {
        ("https://json-schema.org/draft/2019-09/meta/\($0)", "draft201909/vocabularies/\($0)")
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Comment(rawValue: SharedFolder.missingReason)))
    func embeddedTextMatchesSharedFiles() throws {
        #expect(BundledMetaschemas.all.count == Self.files.count)
        for (uri, path) in Self.files {
            let bundled = try #require(BundledMetaschemas.all.first { $0.uri == uri }, "\(uri) is not bundled")
            let shared = try #require(SharedFolder.path("schemas/metaschemas/" + path).flatMap { FileManager.default.contents(atPath: $0) })
            #expect(Array(bundled.text.utf8) == [UInt8](shared), "\(path) differs from the bundled copy: rerun generate.sh")
        }
    }

    @Test func everyBundledMetaschemaParsesAndCompiles() throws {
        for metaschema in BundledMetaschemas.all {
            let root = try JSONReader.parse(metaschema.text).get()
            #expect((root["$id"] ?? root["id"])?.stringValue?.hasPrefix(metaschema.uri) == true)
            #expect(throws: Never.self) { try JSONSchemaValidator(uri: metaschema.uri, registry: SchemaRegistry()) }
        }
    }
}
