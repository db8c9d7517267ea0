/// Jekyll's Liquid code blocks: `{% highlight python %}` … `{% endhighlight %}`. CommonMark
/// sees paragraphs there, so without this every prose rule read the code (and the typo
/// rule's fix would have rewritten it).
enum LiquidHighlight {
    private static let opening = Array("{%".utf8)

    /// Each block, from its opening tag through its closing one. Tags inside `code` (a post
    /// about Jekyll shows them in code spans and fences) and a block never closed (Jekyll
    /// fails the build) give none.
    static func blocks(in utf8: [UInt8], outside code: [Range<Int>]) -> [Range<Int>] {
        guard ByteSearch.contains(utf8, opening) else { return [] }
        var blocks: [Range<Int>] = []
        var index = 0
        var open: Int? = nil
        while let tag = nextTag(in: utf8, from: index) {
            index = tag.range.upperBound
            if code.contains(where: { $0.contains(tag.range.lowerBound) }) { continue }
            switch (tag.name, open) {
            case ("highlight", nil): open = tag.range.lowerBound
            case ("endhighlight", let start?):
                blocks.append(start..<tag.range.upperBound)
                open = nil
            default: break
            }
        }
        return blocks
    }

    /// The next `{% name … %}` (with `{%-` and `-%}` too) at or after `start`, and its name.
    static func nextTag(in utf8: [UInt8], from start: Int) -> (name: String, range: Range<Int>)? {
        var index = start
        while index + 1 < utf8.count {
            guard let found = utf8.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: opening, in: UnsafeBufferPointer(rebasing: $0[index...])) })
            else { return nil }
            let tagStart = index + found
            guard let close = utf8.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: Array("%}".utf8), in: UnsafeBufferPointer(rebasing: $0[(tagStart + 2)...])) })
            else { return nil }
            let tagEnd = tagStart + 2 + close + 2
            let body = utf8[(tagStart + 2)..<(tagEnd - 2)].drop { $0 == UInt8(ascii: "-") || $0 == 0x20 || $0 == 0x09 }
            let nameBytes = body.prefix { (0x61...0x7A).contains($0) || $0 == UInt8(ascii: "_") }
            // `{% highlight %}` needs a language; without one Jekyll fails the build anyway.
            let argument = body.dropFirst(nameBytes.count).drop { $0 == 0x20 || $0 == 0x09 }.first { $0 != UInt8(ascii: "-") && $0 != 0x20 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if !name.isEmpty, name != "highlight" || argument != nil { return (name, tagStart..<tagEnd) }
            index = tagEnd
        }
        return nil
    }
}
