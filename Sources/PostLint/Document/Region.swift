/// A span of the document with a meaning of its own. Rules ask the Document which regions
/// hold an offset instead of re-parsing Markdown.
public struct Region: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// YAML front matter, delimiters included.
        case frontMatter
        /// An MDX `import`/`export` block.
        case esm
        /// An MDX `{...}` expression, braces included (in text or in a JSX attribute).
        case jsxExpression
        /// An MDX `{/* ... */}` comment.
        case jsxComment
        /// An HTML block, inline HTML or a JSX element tag.
        case html
        /// An HTML `<!-- ... -->` comment.
        case htmlComment
        /// A fenced or indented code block, fences included.
        case codeBlock
        /// An inline code span, backticks included.
        case codeSpan
        /// A link or image destination (`(url "title")`) or an autolink.
        case linkDestination
        /// A heading line, markers included.
        case heading
    }

    public let kind: Kind
    public let range: Range<Int>

    public init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// A heading found in the Markdown structure.
public struct Heading: Sendable, Hashable {
    public let level: Int
    /// The whole heading line(s), markers included.
    public let range: Range<Int>
    /// The heading's text, without `#` markers.
    public let title: String
}
