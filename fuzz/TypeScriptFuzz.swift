// libFuzzer harness, compiled into the TypeScript module's sources by fuzz/run.sh (never part of `swift build`).
// Any crash or timeout parsing arbitrary bytes (as .ts and as .tsx) is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTypeScript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = TypeScriptParser.parse(bytes)
    _ = TypeScriptParser.parse(bytes, dialect: .tsx)
    return 0
}
