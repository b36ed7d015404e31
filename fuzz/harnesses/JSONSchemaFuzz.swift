// libFuzzer harness `json-schema`: the input is read as JSON. A two-element array `[schema, instance]` validates
// the instance against the schema; anything else is compiled as a schema and validated against itself.
// Besides crashes and hangs, `validate` and `isValid` must agree: a disagreement is a wrong verdict.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONSchema(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .success(let node) = JSONReader.parse(bytes) else { return 0 }
    var schema = node
    var instance = node
    if case .array(let elements) = node.value, elements.count == 2 {
        schema = elements[0]
        instance = elements[1]
    }
    for options in [JSONSchemaValidator.Options(), JSONSchemaValidator.Options(formatAssertion: true, contentAssertion: true)] {
        guard let validator = try? JSONSchemaValidator(schema: schema, uri: "file:///fuzz.schema.json", options: options) else { continue }
        let errors = validator.validate(instance)
        let valid = validator.isValid(instance)
        precondition(errors.isEmpty == valid, "validate found \(errors.count) errors but isValid said \(valid)")
    }
    return 0
}
