/// A value read from JSON with the byte range of its literal, so findings can point at it.
public struct Positioned<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var range: Range<Int>

    public init(value: Value, range: Range<Int>) {
        self.value = value
        self.range = range
    }
}

public typealias PositionedText = Positioned<String>
public typealias PositionedInteger = Positioned<Int>
