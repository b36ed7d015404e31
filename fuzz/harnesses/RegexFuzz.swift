// libFuzzer harness `regex`: the input up to its first NUL byte is an ECMA-262 pattern (as in a schema's
// `pattern`), the rest the string it is matched against. Compiling and matching must end in time bounded by
// the step budget whatever the pattern.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let pattern = String(decoding: bytes[..<split], as: UTF8.self)
    let subject = split < bytes.count ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : pattern
    guard let regex = try? ECMARegex(pattern) else { return 0 }
    // One budget for both searches, as a validation shares one across a file; a tenth of a search's default
    // keeps each input fast under the sanitizers, so a timeout means work the budget does not count.
    var budget = ECMARegex.stepBudget / 10
    _ = regex.matches(subject, budget: &budget)
    _ = regex.matches(String(subject.reversed()), budget: &budget)
    return 0
}
