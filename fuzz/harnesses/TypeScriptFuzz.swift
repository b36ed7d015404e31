// libFuzzer harness `typescript`: arbitrary bytes through the TypeScript parser, as .ts and as .tsx.
import TypeScript

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTypeScript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = TypeScriptParser.parse(bytes)
    _ = TypeScriptParser.parse(bytes, dialect: .tsx)
    return 0
}
