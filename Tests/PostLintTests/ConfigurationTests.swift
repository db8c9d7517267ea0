import Foundation
import XCTest

@testable import PostLint

final class ConfigurationTests: XCTestCase {
    private func parse(_ yaml: String) throws -> Configuration {
        try ConfigurationParser(path: ".postlint.yml", baseDirectory: "/repo").parse(yaml)
    }

    /// `FileDiscovery.standardized` works on bytes; it agrees with splitting the path as a
    /// String (the simple path it replaced) on paths of every shape.
    func testStandardizedPathsAgreeWithTheStringSplit() {
        func simple(_ path: String) -> String {
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            var components: [Substring] = []
            for component in absolute.split(separator: "/") {
                if component == "." { continue }
                if component == ".." {
                    if !components.isEmpty { components.removeLast() }
                    continue
                }
                components.append(component)
            }
            return "/" + components.joined(separator: "/")
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "..", ".", "", "b.md", "...", ".x", "한글", "x y"]
        var paths = ["/", "//", "/..", "/a/b/", "a", ".", "./a/../b", "/a/./b/../../c/", "../x"]
        for _ in 0..<500 {
            let parts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            paths.append((Bool.random(using: &generator) ? "/" : "") + parts.joined(separator: "/"))
        }
        for path in paths { XCTAssertEqual(FileDiscovery.standardized(path), simple(path), path) }
    }

    func testRuleSettingsSeveritiesAndOverrides() throws {
        let configuration = try parse("""
            rules:
              unused-import: off
              missing-asset: warning
            exclude: [drafts/**]
            overrides:
              - files: ["legacy/**"]
                rules:
                  undefined-identifier: info
            """)
        let settings = configuration.settings(forRelativePath: "blog/post.mdx")
        XCTAssertEqual(settings["unused-import"]?.enabled, false)
        XCTAssertEqual(settings["missing-asset"]?.severity, .warning)
        XCTAssertEqual(settings["undefined-identifier"]?.severity, .error)
        XCTAssertEqual(configuration.settings(forRelativePath: "legacy/old.mdx")["undefined-identifier"]?.severity, .info)
        XCTAssertFalse(configuration.isIncluded(relativePath: "drafts/wip.md"))
        XCTAssertTrue(configuration.isIncluded(relativePath: "blog/post.mdx"))
        XCTAssertFalse(configuration.isIncluded(relativePath: "blog/image.png"))
    }

    func testUnknownKeysAndRulesNameTheLine() {
        XCTAssertThrowsError(try parse("rules:\n  not-a-rule: off\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix(".postlint.yml:2:3: "), "\(error)")
            XCTAssertTrue("\(error)".contains("unknown rule 'not-a-rule'"))
        }
        XCTAssertThrowsError(try parse("rulez: {}\n")) { error in
            XCTAssertTrue("\(error)".contains(":1:1: ") && "\(error)".contains("unknown key 'rulez'"), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules:\n  unused-import: loud\n")) { error in
            XCTAssertTrue("\(error)".contains("expected off, on, error, warning or info"), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules: [a\n"))
    }

    /// A misspelt option would leave the check it asks for silently undone.
    func testRuleOptionsAreCheckedAgainstWhatTheRuleTakes() throws {
        XCTAssertThrowsError(try parse("rules:\n  front-matter:\n    requred: [title]\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix(".postlint.yml:3:5: "), "\(error)")
            XCTAssertTrue("\(error)".contains("unknown key 'requred' for the rule 'front-matter' (expected one of: severity, enabled, required)"), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules:\n  typo: {severity: error, bogus: 1}\n")) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'bogus' for the rule 'typo'"), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules:\n  typo: {words: {a: b}}\n")) { error in
            XCTAssertTrue("\(error)".contains("'words' must be a value or a list of values"), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules:\n  mojibake: {words: [a]}\n")) { error in
            XCTAssertTrue("\(error)".contains("(expected one of: severity, enabled)"), "\(error)")
        }
        // Nothing (or `~`) is an empty list, not a list of one empty key.
        for empty in ["", " ~", " null"] {
            let none = try parse("rules:\n  front-matter:\n    required:\(empty)\n")
            XCTAssertEqual(none.settings(forRelativePath: "a.md")["front-matter"]?.options.lists["required"], [], empty)
        }
        XCTAssertEqual(try parse("rules:\n  typo: {words: ['~']}\n").settings(forRelativePath: "a.md")["typo"]?.options.lists["words"], ["~"])
        // One value alone is a list of one.
        let single = try parse("rules:\n  front-matter: {required: title}\n")
        XCTAssertEqual(single.settings(forRelativePath: "a.md")["front-matter"]?.options.lists["required"], ["title"])
    }

    /// A correction with an empty side (or two arrows) would be taken for a word to allow.
    func testMalformedCorrectionsAreErrorsAtTheirPosition() throws {
        XCTAssertThrowsError(try parse("rules: {typo: {words: [\"hypotesis -> \"]}}\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix(".postlint.yml:1:24: "), "\(error)")
            XCTAssertTrue("\(error)".contains("'hypotesis -> ' is not a correction"), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules:\n  typo:\n    words:\n      - GRPO\n      - a -> b -> c\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix(".postlint.yml:5:9: "), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules: {typo: {words: \"-> the\"}}\n"))
        let good = try parse("rules: {typo: {words: [GRPO, \"teh -> the\"]}}\n")
        XCTAssertEqual(good.settings(forRelativePath: "a.md")["typo"]?.options.lists["words"], ["GRPO", "teh -> the"])
    }

    func testMalformedCorrectionsInTheProjectWordsNameTheirLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-words-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".postlint"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("GRPO\n# a comment -> here\n\nteh -> the\nbad ->\n".utf8).write(to: folder.appendingPathComponent(Configuration.projectWordsFile))
        var configuration = Configuration(baseDirectory: folder.path)
        XCTAssertThrowsError(try configuration.loadProjectWords()) { error in
            XCTAssertTrue("\(error)".hasSuffix(".postlint/words.txt:5: configuration error: 'bad ->' is not a correction: write `wrong -> right` (or a word alone to allow it)"), "\(error)")
        }
    }

    /// No configuration written three ways: an empty file, a lone `---`, and
    /// `--config /dev/null` (which has no size to read by).
    func testAnEmptyConfigurationIsTheDefaults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dashes = folder.appendingPathComponent(".postlint.yml").path
        try "---\n# every line commented out\n".write(toFile: dashes, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Configuration.load(path: dashes).include, Configuration(baseDirectory: folder.path).include)
        XCTAssertEqual(try Configuration.load(path: "/dev/null").include.map(\.pattern), Configuration.defaultInclude)
        XCTAssertThrowsError(try Configuration.load(path: folder.path), "a folder is no configuration")
    }

    /// A key written twice is reported where it is written the second time, not at the
    /// mapping's start (Yams's mark); so is one in a post's front matter.
    func testAKeyWrittenTwiceIsPlacedAtItsSecondLine() throws {
        let yaml = "# settings\nrules:\n  typo: off\ninclude: [\"**/*.md\"]\nrules:\n  typo: on\n"
        XCTAssertThrowsError(try ConfigurationParser(path: "c.yml", baseDirectory: ".").parse(yaml)) { error in
            let error = error as? ConfigurationError
            XCTAssertEqual(error?.line, 5)
            XCTAssertEqual(error?.column, 1)
        }
        let post = "---\ntitle: A\ntags: [x]\ntitle: B\n---\n\nText.\n"
        let found = TestSupport.diagnostics(post, fileName: "post.md", rule: "front-matter")
        XCTAssertEqual(found.map { TestSupport.document(post, fileName: "post.md").position(at: $0.range.lowerBound).line }, [4])
    }

    func testGlobsMustBeStrings() throws {
        XCTAssertThrowsError(try parse("exclude: [\"**/*.md\", 3]\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix(".postlint.yml:1:22: "), "\(error)")
            XCTAssertTrue("\(error)".contains("expected a glob, found '3'"), "\(error)")
        }
        XCTAssertThrowsError(try parse("include: true\n"))
        XCTAssertThrowsError(try parse("overrides:\n  - files: [~]\n    rules: {typo: off}\n"))
        XCTAssertTrue(try parse("exclude: [\"2025\"]\n").isExcluded(relativePath: "posts/2025"), "a quoted number is a file name")
    }

    func testOptionValuesMustBeText() throws {
        XCTAssertThrowsError(try parse("rules:\n  typo:\n    words: [1, true]\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix(".postlint.yml:3:13: "), "\(error)")
            XCTAssertTrue("\(error)".contains("'words' expects text, found '1'"), "\(error)")
        }
        XCTAssertThrowsError(try parse("rules:\n  front-matter:\n    required: 3\n"))
        XCTAssertEqual(try parse("rules:\n  typo:\n    words: [teh, \"true\"]\n").settings(forRelativePath: "a.md")["typo"]?.options.lists["words"], ["teh", "true"])
        XCTAssertEqual(
            try parse("rules:\n  typo:\n    words: [inf, nan, on, no, +1a]\n").settings(forRelativePath: "a.md")["typo"]?.options.lists["words"],
            ["inf", "nan", "on", "no", "+1a"], "text under YAML 1.2's core schema")
        for value in ["1", "-2.5", "1e3", ".inf", "0x1F", "null", "~", "False"] { XCTAssertTrue(ConfigurationParser.isCoreNonText(value), value) }
    }

    func testAMissingRuleFolderNamesItsLineInTheConfiguration() {
        XCTAssertThrowsError(try parse("rules: {}\nrule-folders: [nosuch]\n")) { error in
            XCTAssertEqual("\(error)", ".postlint.yml:2:16: configuration error: cannot read the rule folder 'nosuch'")
        }
    }

    /// What commenting out every entry leaves: keys with nothing under them, as if absent.
    func testEmptySectionsCountAsAbsent() throws {
        let configuration = try parse("rules:\n  # typo: off\ninclude:\nexclude: ~\noverrides:\nrule-folders:\n")
        XCTAssertTrue(configuration.rules.isEmpty)
        XCTAssertTrue(configuration.isIncluded(relativePath: "a.md"), "include keeps its default")
        XCTAssertTrue(configuration.userRules.isEmpty && configuration.ruleFolders.isEmpty)
        let override = try parse("overrides:\n  - files: [\"a/**\"]\n    rules:\nrules:\n  typo:\n")
        XCTAssertEqual(override.overrides.first?.rules.isEmpty, true)
        XCTAssertEqual(override.settings(forRelativePath: "a.md")["typo"]?.enabled, true)
    }

    func testGlobs() {
        XCTAssertTrue(Glob("**/*.md").matches("a/b/c.md"))
        XCTAssertTrue(Glob("**/*.md").matches("c.md"))
        XCTAssertFalse(Glob("*.md").matches("a/c.mdx"))
        XCTAssertTrue(Glob("*.md").matches("a/c.md"), "a pattern without / matches in any folder")
        XCTAssertFalse(Glob("docs/*.md").matches("docs/a/b.md"))
        XCTAssertTrue(Glob("docs/").matches("docs/a/b.md"))
        XCTAssertTrue(Glob("post-?.md").matches("post-1.md"))
        XCTAssertTrue(Glob("[ab].md").matches("b.md"))
    }

    /// As in .gitignore: a pattern that names a folder takes what is in it, and a leading
    /// `/` anchors it to the configuration's folder (both once matched nothing here).
    func testGlobsMatchWhatIsInAFolderTheyMatch() {
        XCTAssertTrue(Glob("_drafts").matches("_drafts/a.md"))
        XCTAssertTrue(Glob("_drafts").matches("blog/_drafts/b/a.md"))
        XCTAssertFalse(Glob("_drafts").matches("_drafts-old/a.md"))
        XCTAssertTrue(Glob("/_drafts/**").matches("_drafts/a.md"))
        XCTAssertTrue(Glob("/_drafts").matches("_drafts/a.md"))
        XCTAssertFalse(Glob("/_drafts").matches("blog/_drafts/a.md"))
        XCTAssertTrue(Glob("docs/*.md").matches("docs/x.md/image.png"), "inside a folder the pattern matches")
        XCTAssertFalse(Glob("docs/*.md").matchesFile("docs/x.md/image.png"))
    }

    /// A glob of folders takes the posts in them; a file of another kind only when a glob
    /// names it: `--fix` rewrote the JavaScript and CSS under `include: [content/**]`.
    func testIncludeTakesOtherFilesOnlyWhenAGlobNamesThem() throws {
        var configuration = Configuration(baseDirectory: ".")
        configuration.include = [Glob("content/**")]
        XCTAssertTrue(configuration.isIncluded(relativePath: "content/posts/a.md"))
        XCTAssertFalse(configuration.isIncluded(relativePath: "content/api.js"))
        XCTAssertFalse(configuration.isIncluded(relativePath: "content/site.css"))
        configuration.include = [Glob("content")]
        XCTAssertTrue(configuration.isIncluded(relativePath: "content/posts/a.mdx"))
        XCTAssertFalse(configuration.isIncluded(relativePath: "content/api.js"))
        configuration.include = [Glob("**/*.MD"), Glob("notes/*.html")]
        XCTAssertTrue(configuration.isIncluded(relativePath: "docs/README.MD"))
        XCTAssertTrue(configuration.isIncluded(relativePath: "notes/a.html"))
        XCTAssertFalse(configuration.isIncluded(relativePath: "notes/a.md/b.js"))
    }

    /// Characters regular expressions give meaning to are plain in a glob.
    func testGlobsTakeRegexCharactersLiterally() {
        XCTAssertTrue(Glob("notes/c++ (draft)/*.md").matches("notes/c++ (draft)/a.md"))
        XCTAssertFalse(Glob("notes/c++ (draft)/*.md").matches("notes/cc (draft)/a.md"))
        XCTAssertTrue(Glob("_posts/2024.01.{x}|$^.md").matches("_posts/2024.01.{x}|$^.md"))
        XCTAssertFalse(Glob("a.b.md").matches("axb.md"))
        XCTAssertTrue(Glob("블로그/**/*.md").matches("블로그/2024/글.md"))
        XCTAssertTrue(Glob("back\\slash.md").matches("back\\slash.md"))
    }

    /// Installing a dictionary changes typo findings without changing a post: the cache's
    /// run key changes with it.
    func testTheCacheKeyFollowsTheInstalledDictionaries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-dictionaries-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = ProcessInfo.processInfo.environment["POSTLINT_HUNSPELL_PATH"]
        setenv("POSTLINT_HUNSPELL_PATH", folder.path, 1)
        defer { if let previous { setenv("POSTLINT_HUNSPELL_PATH", previous, 1) } else { unsetenv("POSTLINT_HUNSPELL_PATH") } }
        let key = { ResultCache.runKey(version: "1", configurationText: "", rules: ["typo"]) }
        let without = key()
        try Data("1\nword\n".utf8).write(to: folder.appendingPathComponent("real.dic"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("en_US.dic").path, withDestinationPath: "real.dic")
        let linked = key()
        XCTAssertNotEqual(linked, without)
        // The file behind a symbolic link (Debian's ko_KR.dic is one), and the affix file.
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("real.dic"))
        handle.seekToEndOfFile()
        handle.write(Data("other\n".utf8))
        try handle.close()
        XCTAssertNotEqual(key(), linked)
        let edited = key()
        try Data("SET UTF-8\n".utf8).write(to: folder.appendingPathComponent("en_US.aff"))
        XCTAssertNotEqual(key(), edited)
    }
}
