import Core

/// Renders `validate` results: compiler-style text, or the JSON shape of SPEC §5.
enum ValidateOutput {
    static func text(_ results: [ValidateResult]) -> String {
        var output = ""
        for result in results {
            for error in result.errors {
                let pointer = error.instancePointer.isEmpty ? "/" : error.instancePointer
                let location = error.schemaPointer.isEmpty ? "" : " at `\(error.schemaPointer)`"
                output += "\(result.path):\(error.position.line):\(error.position.column): error: `\(pointer)`: \(error.message) [\(error.keyword)\(location)]\n"
            }
        }
        let invalid = results.filter { !$0.valid }
        let errorCount = invalid.reduce(0) { $0 + $1.errors.count }
        if invalid.isEmpty {
            output += "ok: \(results.count) \(results.count == 1 ? "file" : "files") valid\n"
        } else {
            output += "\(invalid.count) of \(results.count) \(results.count == 1 ? "file" : "files") invalid (\(errorCount) \(errorCount == 1 ? "error" : "errors"))\n"
        }
        return output
    }

    static func json(_ results: [ValidateResult]) -> String {
        let items = results.map { result -> OrderedJSON in
            .object([
                ("path", .string(result.path)),
                ("valid", .bool(result.valid)),
                ("errors", .array(result.errors.map { error in
                    .object([
                        ("instancePointer", .string(error.instancePointer)),
                        ("keyword", .string(error.keyword)),
                        ("schemaPointer", .string(error.schemaPointer)),
                        ("line", .int(error.position.line)),
                        ("column", .int(error.position.column)),
                        ("message", .string(error.message)),
                    ])
                })),
            ])
        }
        return OrderedJSON.object([("results", .array(items))]).serialized() + "\n"
    }
}
