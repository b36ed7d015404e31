// libFuzzer harness, compiled into the JSON module's sources by fuzz/run.sh (never part of `swift build`).
// The input is read as JSON; what parses is compiled as a schema and validated against itself, and its text is
// tried as an ECMA-262 pattern. Any crash, trap or timeout is a bug: every reader must answer in bounded time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONSchema(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let node) = JSONReader.parse(bytes),
       let validator = try? JSONSchemaValidator(schema: node, uri: "file:///fuzz.schema.json") {
        _ = validator.validate(node)
        _ = validator.isValid(node)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if let regex = try? ECMARegex(text) {
        _ = regex.matches(text)
        _ = regex.matches(String(text.reversed()))
    }
    return 0
}
