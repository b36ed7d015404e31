// libFuzzer harness `regex`: the input up to its first NUL byte is an ECMA-262 pattern (as in a schema's
// `pattern`), the rest the string it is matched against. Compiling and matching must end in bounded time
// whatever the pattern: linear for patterns without backreferences or lookaround, budgeted otherwise.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let pattern = String(decoding: bytes[..<split], as: UTF8.self)
    let subject = split < bytes.count ? String(decoding: bytes[(split + 1)...], as: UTF8.self) : pattern
    guard let regex = try? ECMARegex(pattern) else { return 0 }
    _ = regex.matches(subject)
    _ = regex.matches(String(subject.reversed()))
    return 0
}
