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
        let selfClosing: Bool
        let hasArguments: Bool
        let hugo: Bool
    }

    /// Pairs whose content is code, by name.
    static let codeBlocks: Set<String> = ["highlight", "codeblock", "code", "katex", "math", "mermaid"]
    static let commentBlocks: Set<String> = ["comment"]

    /// Every tag as markup, and each code or comment block whole. Tags starting in `code` (a
    /// post about Jekyll shows them in code spans and fences) count for nothing; a block
    /// never closed (the site would not build) is no block.
    static func regions(in utf8: [UInt8], outside code: [Range<Int>]) -> [Region] {
        guard [Array("{%".utf8), Array("{{".utf8), kramdownOpening].contains(where: { ByteSearch.contains(utf8, $0) }) else { return [] }
        var scanner = Scanner(utf8: utf8, code: Document.merged(code.sorted { $0.lowerBound < $1.lowerBound }))
        var regions: [Region] = []
        var open: Tag? = nil
        var index = 0
        while let tag = scanner.nextTag(from: index) {
            if let opening = open {
                // Inside a code block only its closing tag counts: `"{%d}" % n` in the code
                // is no tag, and must not swallow the `{% endhighlight %}` after it.
                guard tag.closes, tag.name == opening.name, tag.hugo == opening.hugo else {
                    index = tag.range.lowerBound + 1
                    continue
                }
                let kind: Region.Kind = commentBlocks.contains(tag.name) ? .htmlComment : .codeBlock
                regions.append(Region(kind, opening.range.lowerBound..<tag.range.upperBound))
                open = nil
            } else if !tag.closes, !tag.selfClosing, codeBlocks.contains(tag.name) || commentBlocks.contains(tag.name),
                // `{% highlight %}` needs a language; Hugo's `{{< code >}}` may have none.
                tag.hugo || tag.name != "highlight" || tag.hasArguments
            {
                open = tag
            }
            regions.append(Region(.html, tag.range))
            index = tag.range.upperBound
        }
        return regions
    }

    private static let openings: [(open: [UInt8], close: [UInt8], hugo: Bool)] = [
        (Array("{{<".utf8), Array(">}}".utf8), true), (Array("{{%".utf8), Array("%}}".utf8), true),
        (Array("{%".utf8), Array("%}".utf8), false), (kramdownOpening, Array("}".utf8), false),
    ]

    /// kramdown's attribute lists and extensions (`{: .note #id}`, `{::options … /}`), markup
    /// like tags; `:` is their name. Only at a line's start or right after what they
    /// decorate (`*text*{: .x}`): `{:ok, value}` in prose is an Elixir tuple.
    private static let kramdownOpening = Array("{:".utf8)
    private static let decorated = Set("*_)]`".utf8)

    struct Scanner {
        let utf8: [UInt8]
        /// Sorted, disjoint.
        let code: [Range<Int>]
        /// For each kind of opening, where a closer is known not to be found before (a blank
        /// line or the end): a line of `{%` without end is searched once, not once a brace.
        var noCloserBefore: [Int: Int] = [:]

        /// The next tag at or after `start`: its delimiters close before a blank line.
        mutating func nextTag(from start: Int) -> Tag? {
            var index = start
            while index + 1 < utf8.count {
                guard let brace = utf8[index...].firstIndex(of: UInt8(ascii: "{")) else { return nil }
                index = brace + 1
                guard let kind = openings.firstIndex(where: { utf8[brace...].starts(with: $0.open) }), !code.anyContains(brace) else { continue }
                let (open, close, hugo) = openings[kind]
                if open == kramdownOpening, brace > 0, utf8[brace - 1] != 0x0A, !decorated.contains(utf8[brace - 1]) { continue }
                if let known = noCloserBefore[kind], brace < known { continue }
                let bodyStart = brace + open.count
                guard let bodyEnd = closing(close, from: bodyStart) else {
                    noCloserBefore[kind] = blankLineOrEnd(from: bodyStart)
                    continue
                }
                let range = brace..<(bodyEnd + close.count)
                if open == kramdownOpening {
                    return Tag(range: range, name: ":", closes: false, selfClosing: true, hasArguments: true, hugo: false)
                }
                if let tag = tag(range, body: utf8[bodyStart..<bodyEnd], hugo: hugo) { return tag }
                index = range.upperBound
            }
            return nil
        }

        private func tag(_ range: Range<Int>, body whole: ArraySlice<UInt8>, hugo: Bool) -> Tag? {
            let body = whole.drop { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "*") || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            let slash = body.first == UInt8(ascii: "/")
            let word = body.dropFirst(slash ? 1 : 0).prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == UInt8(ascii: "_") }
            guard !word.isEmpty else { return nil }
            var name = String(decoding: word, as: UTF8.self).lowercased()
            var closes = slash
            if !hugo, name.hasPrefix("end"), name.count > 3 {
                name.removeFirst(3)
                closes = true
            }
            let rest = body.dropFirst((slash ? 1 : 0) + word.count)
            let hasArguments = rest.contains { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "/") && $0 > 0x20 }
            // `{{< highlight go />}}` opens nothing.
            let selfClosing = whole.last { $0 > 0x20 } == UInt8(ascii: "/")
            return Tag(range: range, name: name, closes: closes, selfClosing: selfClosing, hasArguments: hasArguments, hugo: hugo)
        }

        /// Where `close` starts, searching from `start` up to the first blank line.
        private func closing(_ close: [UInt8], from start: Int) -> Int? {
            var index = start
            while index + close.count <= utf8.count {
                if isBlankLine(at: index) { return nil }
                if utf8[index...].starts(with: close) { return index }
                index += 1
            }
            return nil
        }

        private func blankLineOrEnd(from start: Int) -> Int {
            var index = start
            while index < utf8.count, !isBlankLine(at: index) { index += 1 }
            return index
        }

        private func isBlankLine(at index: Int) -> Bool {
            utf8[index] == 0x0A && index + 1 < utf8.count && (utf8[index + 1] == 0x0A || utf8[index + 1] == 0x0D)
        }
    }
}
