/// The tags of Jekyll's Liquid (`{% include x.html alt="…" %}`), kramdown's attribute lists
/// (`{: .note}`) and Hugo's shortcodes (`{{< figure src="…" >}}`, `{{% notice %}}`) in a
/// Markdown post, and the blocks between
/// a pair of them whose content is code (`{% highlight ruby %}`, Octopress's `{% codeblock
/// %}`, `{{< highlight go >}}`, `{{< code >}}`, `{{< katex >}}`) or a comment (`{% comment
/// %}`). CommonMark sees paragraphs there, so without this every prose rule read them, and
/// the typo rule's fix rewrote code.
enum TemplateTags {
    struct Tag {
        let range: Range<Int>
        /// The tag's first word, lower-cased, without Hugo's `/` or Liquid's `end`.
        let name: String
        let closes: Bool
        let hasArguments: Bool
        let hugo: Bool
    }

    /// Pairs whose content is code, by name.
    static let codeBlocks: Set<String> = ["highlight", "codeblock", "code", "katex", "math", "mermaid"]
    static let commentBlocks: Set<String> = ["comment"]

    /// Every tag as markup, and each code or comment block whole. Tags inside `code` (a post
    /// about Jekyll shows them in code spans and fences) count for nothing; a block never
    /// closed (the site would not build) is no block.
    static func regions(in utf8: [UInt8], outside code: [Range<Int>]) -> [Region] {
        guard ByteSearch.contains(utf8, Array("{%".utf8)) || ByteSearch.contains(utf8, Array("{{".utf8)) else { return [] }
        var regions: [Region] = []
        var open: Tag? = nil
        var index = 0
        while let tag = nextTag(in: utf8, from: index) {
            index = tag.range.upperBound
            if code.contains(where: { $0.contains(tag.range.lowerBound) }) { continue }
            regions.append(Region(.html, tag.range))
            if let opening = open {
                if tag.closes, tag.name == opening.name, tag.hugo == opening.hugo {
                    let kind: Region.Kind = commentBlocks.contains(tag.name) ? .htmlComment : .codeBlock
                    regions.append(Region(kind, opening.range.lowerBound..<tag.range.upperBound))
                    open = nil
                }
            } else if !tag.closes, codeBlocks.contains(tag.name) || commentBlocks.contains(tag.name) {
                // `{% highlight %}` needs a language; Hugo's `{{< code >}}` may have none.
                if tag.hugo || tag.name != "highlight" || tag.hasArguments { open = tag }
            }
        }
        return regions
    }

    private static let openings: [(open: [UInt8], close: [UInt8], hugo: Bool)] = [
        (Array("{{<".utf8), Array(">}}".utf8), true), (Array("{{%".utf8), Array("%}}".utf8), true),
        (Array("{%".utf8), Array("%}".utf8), false), (kramdownOpening, Array("}".utf8), false),
    ]

    /// kramdown's attribute lists and extensions (`{: .note #id}`, `{::options … /}`), markup
    /// like tags; `:` is their name.
    private static let kramdownOpening = Array("{:".utf8)

    /// The next tag at or after `start`: its delimiters close before a blank line.
    static func nextTag(in utf8: [UInt8], from start: Int) -> Tag? {
        var index = start
        while index + 1 < utf8.count {
            guard let brace = utf8[index...].firstIndex(of: UInt8(ascii: "{")) else { return nil }
            index = brace + 1
            guard let (open, close, hugo) = openings.first(where: { utf8[brace...].starts(with: $0.open) }) else { continue }
            let bodyStart = brace + open.count
            guard let bodyEnd = closing(close, in: utf8, from: bodyStart) else { continue }
            let body = utf8[bodyStart..<bodyEnd].drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "*") || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
            let slash = body.first == UInt8(ascii: "/")
            let word = body.dropFirst(slash ? 1 : 0).prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == UInt8(ascii: "_") }
            if open == kramdownOpening {
                return Tag(range: brace..<(bodyEnd + close.count), name: ":", closes: false, hasArguments: true, hugo: false)
            }
            guard !word.isEmpty else { index = bodyEnd + close.count; continue }
            var name = String(decoding: word, as: UTF8.self).lowercased()
            var closes = slash
            if !hugo, name.hasPrefix("end"), name.count > 3 {
                name.removeFirst(3)
                closes = true
            }
            let rest = body.dropFirst((slash ? 1 : 0) + word.count).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
            let hasArguments = rest.contains { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "/") && $0 > 0x20 }
            return Tag(range: brace..<(bodyEnd + close.count), name: name, closes: closes, hasArguments: hasArguments, hugo: hugo)
        }
        return nil
    }

    /// Where `close` starts, searching from `start` up to the first blank line.
    private static func closing(_ close: [UInt8], in utf8: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + close.count <= utf8.count {
            if utf8[index] == 0x0A, index + 1 < utf8.count, utf8[index + 1] == 0x0A || (utf8[index + 1] == 0x0D) { return nil }
            if utf8[index...].starts(with: close) { return index }
            index += 1
        }
        return nil
    }
}
