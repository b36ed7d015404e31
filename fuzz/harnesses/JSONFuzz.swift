// libFuzzer harness `json`: arbitrary bytes through the positioned JSON reader (Gists, journals, snapshots).
// A crash, a trap, a hang or memory out of proportion to the input is a bug.
import JSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .success(let node) = JSONReader.parse(bytes) {
        // Every node's range lies inside the input: findings are located from them.
        precondition(node.range.lowerBound >= 0 && node.range.upperBound <= size, "node range outside the input")
    }
    _ = JSONReader.parse(bytes, materializingDepth: 2)
    return 0
}
