import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores; results keep the input order. Work per element must be independent.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = SendableBuffer(results)
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            // Each iteration writes only its own slot.
            slots.buffer[index] = transform(input[index])
        }
        return results.map { $0! }
    }
}

/// Lets `concurrentPerform` iterations write disjoint slots of one buffer.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}
