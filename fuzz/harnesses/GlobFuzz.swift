// libFuzzer harness `glob`: the input's first line is a glob (as in `.schemalint.yml` or a drizzle config's
// `schema`), every further line a path matched against it. Brace expansion is bounded and matching linear, so
// no pattern may take long.
import Core

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlob(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let glob = Glob(lines[0])
    _ = Glob.fixedPrefixFolder(lines[0])
    for path in lines.dropFirst() { _ = glob.matches(path) }
    _ = GlobSet(lines).matches(lines.last ?? "")
    return 0
}
