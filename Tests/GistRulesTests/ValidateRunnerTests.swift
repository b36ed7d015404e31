import Foundation
import SchemaValidation
import Testing

/// `schemalint validate`: exit codes and the JSON shape of SPEC §5, on files in a temporary folder.
@Suite struct ValidateRunnerTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func validFilesExitZero() throws {
        let schema = try write("s.schema.json", #"{ "type": "object", "required": ["version"] }"#)
        let data = try write("a.json", #"{ "version": "1" }"#)
        let outcome = ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: [data]))
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput.hasPrefix("ok: 1 file valid"))
    }

    @Test func invalidFilesExitOneWithLocatedJSONErrors() throws {
        let schema = try write("s.schema.json", #"{ "properties": { "status": { "$ref": "defs/status.json" } } }"#)
        _ = try write("defs/status.json", #"{ "enum": ["running", "failed"] }"#)
        let data = try write("a.json", "{\r\n  \"status\": \"paused\"\r\n}")
        let outcome = ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: [data], format: .json))
        #expect(outcome.exitCode == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results.first?["valid"] as? Bool == false)
        let error = try #require((results.first?["errors"] as? [[String: Any]])?.first)
        #expect(error["instancePointer"] as? String == "/status")
        #expect(error["keyword"] as? String == "enum")
        #expect(error["schemaPointer"] as? String == "/properties/status/$ref/enum")
        #expect(error["line"] as? Int == 2)
        #expect(error["column"] as? Int == 13)
        #expect(Array(error.keys).count == 6)
    }

    @Test func unusableSchemasExitTwo() throws {
        let data = try write("a.json", "{}")
        for (name, text) in [("bad.json", "{ \"type\": "), ("meta.json", #"{ "type": "bool" }"#), ("ref.json", ##"{ "$ref": "#/$defs/x" }"##)] {
            let schema = try write(name, text)
            let outcome = ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: [data]))
            #expect(outcome.exitCode == 2, "\(name)")
            #expect(outcome.standardError.contains(name), "\(name): \(outcome.standardError)")
        }
        let missing = ValidateRunner.run(ValidateOptions(schemaPath: folder.appendingPathComponent("none.json").path, dataPaths: [data]))
        #expect(missing.exitCode == 2)
    }

    @Test func unparsableDataIsInvalidNotUnusable() throws {
        let schema = try write("s.schema.json", "{}")
        let data = try write("a.json", "{ \"a\": 1, }")
        let outcome = ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: [data]))
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardOutput.contains("a.json:1:9: error"))
    }
}

/// `$ref` resolution in `validate`: embedded `$id`s before files, then files by name or by a URL's last segment.
@Suite struct ValidateReferenceTests {
    let runner = try! ValidateRunnerTests()

    @Test func anEmbeddedIDWinsOverAFileOfTheSameName() throws {
        // `item.json` resolves against the `$id` base to the embedded resource; the file on disk would reject 1.
        let schema = try runner.write("s.json", #"""
        {"$id": "https://example.com/root.json", "items": {"$ref": "item.json"},
         "$defs": {"item": {"$id": "https://example.com/item.json", "type": "integer"}}}
        """#)
        _ = try runner.write("item.json", #"{"type": "string"}"#)
        let data = try runner.write("a.json", "[1]")
        #expect(ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: [data])).exitCode == 0)
    }

    @Test func aNameWithoutJSONAndAURLNameSiblingFiles() throws {
        let schema = try runner.write("s.json", #"""
        {"$id": "https://example.com/schemas/s.json", "properties": {"a": {"$ref": "status"}, "b": {"$ref": "https://example.com/other/plan.json"}}}
        """#)
        _ = try runner.write("status.json", #"{"enum": ["active"]}"#)
        _ = try runner.write("plan.json", #"{"type": "string"}"#)
        let data = try runner.write("a.json", #"{"a": "paused", "b": 1}"#)
        let outcome = ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: [data], format: .json))
        #expect(outcome.exitCode == 1, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\"/a\"") && outcome.standardOutput.contains("\"/b\""))
    }

    @Test func anUnknownRemoteIsSaidNotFetched() throws {
        let schema = try runner.write("s.json", #"{"$ref": "https://example.com/nowhere/missing.json"}"#)
        let data = try runner.write("a.json", "1")
        let outcome = ValidateRunner.run(ValidateOptions(schemaPath: schema, dataPaths: [data]))
        #expect(outcome.exitCode == 2)
        #expect(outcome.standardError.contains("never fetches from the network"))
        #expect(outcome.standardError.contains("s.json:1:10"))
    }
}
