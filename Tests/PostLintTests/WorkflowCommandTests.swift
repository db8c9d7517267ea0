import Foundation
import XCTest

/// End-to-end tests of living with findings: baselines, `--changed`, `init`.
final class WorkflowCommandTests: CommandTestCase {
    func testBaselineHidesKnownFindingsEvenAfterLinesMove() throws {
        try write("post.mdx", Self.brokenPost)
        let recorded = try run(["lint", "--write-baseline", "baseline.json", "post.mdx"])
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertTrue(recorded.stderr.contains("to the baseline baseline.json"), recorded.stderr)

        try write("post.mdx", Self.brokenPost.replacingOccurrences(of: "# 새 글\n", with: "# 새 글\n\n여러 줄을 위에 더했다.\n\n"))
        let quiet = try run(["lint", "--baseline", "baseline.json", "post.mdx"])
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        XCTAssertTrue(quiet.stdout.contains("No problems found"), quiet.stdout)

        try write("post.mdx", Self.brokenPost + "<img src={brandNew} />\n")
        let fresh = try run(["lint", "--baseline", "baseline.json", "post.mdx"])
        XCTAssertEqual(fresh.status, 1)
        let reported = fresh.stdout.split(separator: "\n").filter { $0.contains("error[") }
        XCTAssertEqual(reported.count, 1, fresh.stdout)
        XCTAssertTrue(reported.first?.contains("'brandNew'") ?? false)
    }

    /// Imports added above a recorded duplicate import shift its line; no line number in
    /// its message may make it new.
    func testBaselineKeepsADuplicateImportWhenImportsAreAddedAbove() throws {
        for name in ["a.png", "b.png", "c.png"] { try write(name, "png") }
        try write("p.mdx", "import a from './a.png';\nimport a from './b.png';\n\n<img src={a} />\n")
        XCTAssertEqual(try run(["lint", "--write-baseline", "base.json", "p.mdx"]).status, 0)
        try write("p.mdx", "import c from './c.png';\nimport a from './a.png';\nimport a from './b.png';\n\n<img src={a} />\n<img src={c} />\n")
        let result = try run(["lint", "--baseline", "base.json", "p.mdx"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("No problems found"), result.stdout)
    }

    /// A baseline records paths relative to its own folder: a run from a subfolder
    /// matches them.
    func testBaselineMatchesFromAnotherFolder() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("posts"), withIntermediateDirectories: true)
        try write("posts/post.mdx", Self.brokenPost)
        XCTAssertEqual(try run(["lint", "--write-baseline", "baseline.json", "posts"]).status, 0)
        let inside = try run(["lint", "--baseline", "../baseline.json", "post.mdx"], in: folder.appendingPathComponent("posts"))
        XCTAssertEqual(inside.status, 0, inside.stdout)
        XCTAssertEqual(try run(["lint", "--baseline", "baseline.json", "--write-baseline", "b.json", "posts"]).status, 2)
        // With a configuration, paths are relative to its folder wherever the baseline is.
        try write(".postlint.yml", "rules:\n  unused-import: off\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ci"), withIntermediateDirectories: true)
        XCTAssertEqual(try run(["lint", "--write-baseline", "ci/base.json", "posts"]).status, 0)
        let recorded = try read("ci/base.json")
        XCTAssertTrue(recorded.contains("\"posts/post.mdx\""), recorded)
        let fromPosts = try run(["lint", "--baseline", "../ci/base.json", "post.mdx"], in: folder.appendingPathComponent("posts"))
        XCTAssertEqual(fromPosts.status, 0, fromPosts.stdout)
    }

    /// `include: [content/**]` means the posts under content/: `--fix` left a JavaScript
    /// file's `recieve` alone only once a glob of folders stopped taking every file in them.
    func testAnIncludedFolderGivesItsPostsOnly() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content/posts/_drafts"), withIntermediateDirectories: true)
        try write(".postlint.yml", "include: [\"content/**\"]\nexclude: [_drafts]\n")
        try write("content/posts/a.md", "We recieve mail.\n")
        try write("content/posts/_drafts/b.md", "We recieve mail.\n")
        try write("content/api.js", "export function recieve(m) { return m; }\n")
        let result = try run(["lint", "--no-cache", "--fix"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("content/posts/a.md"), encoding: .utf8), "We receive mail.\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("content/posts/_drafts/b.md"), encoding: .utf8), "We recieve mail.\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("content/api.js"), encoding: .utf8), "export function recieve(m) { return m; }\n")
    }

    /// `postlint lint blog` from outside the blog reads the blog's `.postlint.yml`: its
    /// excluded drafts were fixed by the defaults.
    func testTheLintedFoldersConfigurationIsFoundFromOutside() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("blog/_drafts"), withIntermediateDirectories: true)
        try write("blog/.postlint.yml", "exclude: [_drafts]\n")
        try write("blog/_drafts/d.md", "Draft recieve.\n")
        try write("blog/p.md", "Post recieve.\n")
        let result = try run(["lint", "--no-cache", "--fix", "blog"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(try read("blog/_drafts/d.md"), "Draft recieve.\n")
        XCTAssertEqual(try read("blog/p.md"), "Post receive.\n")
        let named = try run(["lint", "--no-cache", "--force-exclude", "blog/_drafts/d.md"])
        XCTAssertFalse(named.stdout.contains("recieve"), "the draft is excluded: \(named.stdout)")
    }

    /// A folder named for a language counts when it is the repository's (`ko/`, below the
    /// configuration's folder or the current one), not when it lies above (`~/kr/blog`).
    func testOnlyTheRepositorysFoldersNameAPostsLanguage() throws {
        let post = "## Introduction\n\nThis post is written in English from start to end, as the blog's posts are.\n"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("kr/blog/_posts"), withIntermediateDirectories: true)
        try write("kr/blog/_posts/post.md", post)
        let blog = folder.appendingPathComponent("kr/blog")
        XCTAssertEqual(try run(["lint", "--no-cache", "--select", "untranslated", "_posts"], in: blog).status, 0)
        XCTAssertEqual(try run(["lint", "--no-cache", "--select", "untranslated", blog.appendingPathComponent("_posts").path], in: blog).status, 0)
        try FileManager.default.createDirectory(at: blog.appendingPathComponent("ko"), withIntermediateDirectories: true)
        try write("kr/blog/ko/post.md", post)
        let korean = try run(["lint", "--no-cache", "--select", "untranslated", "ko"], in: blog)
        XCTAssertEqual(korean.status, 1, korean.stdout)
        XCTAssertTrue(korean.stdout.contains("is not Korean"), korean.stdout)
        // Run from inside ko/ (an editor does), the post is still in ko/.
        let inside = try run(["lint", "--no-cache", "--select", "untranslated", blog.appendingPathComponent("ko/post.md").path],
            in: blog.appendingPathComponent("ko"))
        XCTAssertEqual(inside.status, 1, inside.stdout)
        // A category folder named like a language code (it/, pl/) does not override ko/.
        try FileManager.default.createDirectory(at: blog.appendingPathComponent("ko/it"), withIntermediateDirectories: true)
        try write("kr/blog/ko/it/post.md", post)
        XCTAssertEqual(try run(["lint", "--no-cache", "--select", "untranslated", "ko/it"], in: blog).status, 1)
    }

    /// A conversion refused with the post's other fixes leaves the file as it was: the
    /// report must still say it is not UTF-8, and claim no fix.
    func testARefusedConversionKeepsTheEncodingError() throws {
        try write(".postlint.yml", "rules:\n  typo: {words: [\"grey -> gray\", \"gray -> grey\"]}\n")
        let units: [UInt8] = "The grey cat.\n".utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + units
        try Data(utf16).write(to: folder.appendingPathComponent("g.md"))
        let result = try run(["lint", "--no-cache", "--fix", "--format", "json", "g.md"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("\"invalid-encoding\""), result.stdout)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("g.md")), Data(utf16))
    }

    func testAnAllowedWordOutranksAShippedCorrection() throws {
        try write(".postlint.yml", "rules:\n  typo:\n    words: [\"teh\"]\n")
        try write("t.md", "---\ntitle: t\n---\n\nWe recieve teh box.\n")
        XCTAssertEqual(try run(["lint", "--no-cache", "--fix", "t.md"]).status, 0)
        XCTAssertEqual(try read("t.md"), "---\ntitle: t\n---\n\nWe receive teh box.\n")
    }

    func testBaselinesNeedFiles() throws {
        let result = try run(["lint", "--baseline", "b.json", "--stdin-filename", "a.md", "-"], stdin: "Text.\n")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("not standard input"), result.stderr)
    }

    /// A baseline that is not one, a --changed outside git and a --base that names nothing
    /// are each said in a line a user can act on, not in Swift's or git's words alone.
    func testMistakesWithBaselinesAndChangesAreSaidPlainly() throws {
        try write("post.md", "Text.\n")
        try write("bad.json", "not json")
        try write("empty.json", "{}")
        let notJSON = try run(["lint", "--baseline", "bad.json", "post.md"])
        XCTAssertEqual(notJSON.status, 2)
        XCTAssertTrue(notJSON.stderr.contains("bad.json: not a postlint baseline (it is not JSON); write one with --write-baseline"), notJSON.stderr)
        let noVersion = try run(["lint", "--baseline", "empty.json", "post.md"])
        XCTAssertTrue(noVersion.stderr.contains("(no \"version\")"), noVersion.stderr)
        XCTAssertFalse(noVersion.stderr.contains("CodingKeys"), noVersion.stderr)
        let outside = try run(["lint", "--changed"])
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("is not inside a git repository; name the posts instead"), outside.stderr)
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "first"])
        let unknown = try run(["lint", "--changed", "--base", "nosuchbranch"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("--base nosuchbranch names no commit here"), unknown.stderr)
        XCTAssertFalse(unknown.stderr.contains("shallow"), unknown.stderr)
    }

    func testChangedLintsOnlyWhatGitSeesChanged() throws {
        try write("old.mdx", "{oldProblem}\n")
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "first"])
        try write("new.mdx", "{newProblem}\n")
        let result = try run(["lint", "--changed"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("new.mdx"), result.stdout)
        XCTAssertFalse(result.stdout.contains("old.mdx"), result.stdout)
        let againstRoot = try run(["lint", "--changed", "--base", "HEAD"])
        XCTAssertFalse(againstRoot.stdout.contains("old.mdx"))
        XCTAssertEqual(try run(["lint", "--changed", "--base", "no-such-rev"]).status, 2)
        // With no common ancestor (a shallow clone's case), the comparison says what it did.
        try git(["checkout", "-q", "--orphan", "other"])
        try git(["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "unrelated"])
        let unrelated = try run(["lint", "--changed", "--base", "master"])
        let main = unrelated.status == 2 ? try run(["lint", "--changed", "--base", "main"]) : unrelated
        XCTAssertTrue(main.stderr.contains("no merge base"), main.stderr)
    }

    func testInitWritesAConfigurationThatLoads() throws {
        let result = try run(["init"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try read(".postlint.yml")
        XCTAssertTrue(text.contains("duplicate-import: error"))
        try write("post.mdx", Self.brokenPost)
        XCTAssertEqual(try run(["lint", "post.mdx"]).status, 1, "the written file is a valid configuration")
        XCTAssertEqual(try run(["init"]).status, 2, "no overwrite without --force")
    }

    /// The template's comments give each rule the fix label `postlint rules` prints.
    func testInitCommentsAgreeWithRulesOnFixSafety() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let template = try read(".postlint.yml").split(separator: "\n").map(String.init)
        let listed = try run(["rules"]).stdout.split(separator: "\n").dropFirst()
        XCTAssertFalse(listed.isEmpty)
        for line in listed {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            let (id, label) = (String(columns[0]), String(columns[2]))
            let index = try XCTUnwrap(template.firstIndex { $0.hasPrefix("  \(id): ") }, id)
            XCTAssertTrue(template[index - 1].hasSuffix(label == "-" ? "(no fix)" : "(\(label) fix)"), "\(id): \(template[index - 1]) vs \(label)")
        }
        XCTAssertTrue(template.contains { $0.contains("zero-width space") && $0.hasSuffix("(safe/unsafe fix)") }, "invisible-character")
    }

    /// Commenting out every rule of the template leaves `rules:` empty: still a valid file.
    func testInitTemplateWithEveryRuleCommentedOutLoads() throws {
        XCTAssertEqual(try run(["init"]).status, 0)
        let commented = try read(".postlint.yml").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("  ") && !$0.hasPrefix("  #") ? "  # " + $0.dropFirst(2) : String($0) }
        try write(".postlint.yml", commented.joined(separator: "\n"))
        try write("post.md", "Hello.\n")
        let result = try run(["lint", "post.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testCacheGivesTheSameFindingsAndNoticesChanges() throws {
        try write(".postlint.yml", "rules:\n  unused-import: off\n")
        try write("post.mdx", Self.brokenPost)
        let cold = try run(["lint", "."])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".postlint-cache/results-v1.json").path))
        XCTAssertEqual(try read(".postlint-cache/.gitignore").contains("*"), true)
        let warm = try run(["lint", "."])
        XCTAssertEqual(warm.stdout, cold.stdout)
        XCTAssertEqual(warm.status, cold.status)

        try write("post.mdx", Self.brokenPost + "{another}\n")
        XCTAssertTrue(try run(["lint", "."]).stdout.contains("'another'"), "a changed file is linted again")
        try write(".postlint.yml", "rules:\n  undefined-identifier: off\n")
        XCTAssertFalse(try run(["lint", "."]).stdout.contains("undefined-identifier"), "a new configuration empties the cache")
    }

    /// A post's bytes are not all its findings depend on: an image it imports may be added
    /// or deleted, and a cached run must see it.
    func testCacheNoticesAnImageAddedOrDeleted() throws {
        try write("post.mdx", "import a from './a.png';\n\n<img src={a} />\n")
        XCTAssertTrue(try run(["lint", "--select", "missing-asset", "."]).stdout.contains("missing-asset"))
        try write("a.png", "png")
        let added = try run(["lint", "--select", "missing-asset", "."])
        XCTAssertEqual(added.status, 0, "the image exists now: \(added.stdout)")
        XCTAssertEqual(try run(["lint", "--select", "missing-asset", "."]).status, 0, "and the cache says so too")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a.png"))
        let deleted = try run(["lint", "--select", "missing-asset", "."])
        XCTAssertEqual(deleted.status, 1, "the image is gone again: \(deleted.stdout)")
        XCTAssertTrue(deleted.stdout.contains("missing-asset"), deleted.stdout)
    }

    /// A post's findings depend on where it stands: a configuration override for a folder,
    /// a folder named for a language. A cached result holds only where it was made.
    func testCacheNoticesWhereAPostStands() throws {
        try write(".postlint.yml", "overrides:\n  - files: [\"ko/**\"]\n    rules:\n      invisible-character: error\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("en"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ko"), withIntermediateDirectories: true)
        try write("en/post.md", "a zero\u{200B}width space\n")
        try write("ko/post.md", "a zero\u{200B}width space\n")
        XCTAssertEqual(try run(["lint", "--ignore", "typo"], in: folder.appendingPathComponent("en")).status, 0)
        XCTAssertEqual(try run(["lint", "--ignore", "typo"], in: folder.appendingPathComponent("ko")).status, 1, "the override for ko/ applies")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try write("notes/post.md", "## Summary\n\nError: 429 Too Many Requests\n")
        XCTAssertEqual(try run(["lint", "--select", "untranslated", "post.md"], in: folder.appendingPathComponent("notes")).status, 0)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("notes"), to: folder.appendingPathComponent("kr"))
        let moved = try run(["lint", "--select", "untranslated", "post.md"], in: folder.appendingPathComponent("kr"))
        XCTAssertEqual(moved.status, 1, "in kr/ the post should be Korean: \(moved.stdout)")
    }

    /// A repository copied with its cache checks its own images, not the original's.
    func testACopiedCacheChecksTheCopysImages() throws {
        let original = folder.appendingPathComponent("original")
        try FileManager.default.createDirectory(at: original, withIntermediateDirectories: true)
        try write("original/post.mdx", "import a from './a.png';\n\n<img src={a} />\n")
        try write("original/a.png", "png")
        XCTAssertEqual(try run(["lint", "--select", "missing-asset", "."], in: original).status, 0)
        let copy = folder.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: original, to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("a.png"))
        let result = try run(["lint", "--select", "missing-asset", "."], in: copy)
        XCTAssertEqual(result.status, 1, "the copy's image is gone: \(result.stdout)")
    }

    /// `rules` lists the project's own rules and `explain` explains them.
    func testRulesAndExplainKnowTheProjectsOwnRules() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try write(".postlint.yml", "rule-folders: [rules]\n")
        try write("rules/no-foo.yml", "id: no-foo\nkind: pattern\nscope: prose\nsummary: Do not write foo\nrationale: Foo is vague.\npatterns:\n  - match: 'foo'\n    message: vague\n")
        XCTAssertTrue(try run(["rules"]).stdout.contains("no-foo"))
        let explained = try run(["explain", "no-foo"])
        XCTAssertEqual(explained.status, 0, explained.stderr)
        XCTAssertTrue(explained.stdout.hasPrefix("no-foo: Do not write foo"), explained.stdout)
    }

    /// A broken `.postlint.yml` found by searching does not stop `rules` or `explain` (the
    /// user may be asking because of it): built-in rules are shown, with a warning. One
    /// named with `--config` must load.
    func testRulesAndExplainSurviveABrokenConfiguration() throws {
        try write(".postlint.yml", "rules:\n  typo: [\n")
        let rules = try run(["rules"])
        XCTAssertEqual(rules.status, 0, rules.stderr)
        XCTAssertTrue(rules.stdout.contains("mojibake"), rules.stdout)
        XCTAssertTrue(rules.stderr.contains(".postlint.yml:3:1:") && rules.stderr.contains("built-in rules only"), rules.stderr)
        XCTAssertEqual(try run(["explain", "typo"]).status, 0)
        let unknown = try run(["explain", "no-foo"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("the project's own rules were not loaded"), unknown.stderr)
        XCTAssertEqual(try run(["rules", "--config", ".postlint.yml"]).status, 2)
    }

    /// The user's own rule files decide findings too: editing one empties the cache.
    func testCacheNoticesAnEditedUserRule() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try write(".postlint.yml", "rule-folders: [rules]\n")
        let rule = { (word: String) in
            "id: banned\nkind: pattern\nscope: prose\nsummary: s\nrationale: r\npatterns:\n  - match: '\\b\(word)\\b'\n    message: \"banned word\"\n"
        }
        try write("rules/banned.yml", rule("foo"))
        try write("post.md", "A foo and a bar.\n")
        XCTAssertTrue(try run(["lint", "--select", "banned", "."]).stdout.contains("post.md:1:3:"))
        try write("rules/banned.yml", rule("bar"))
        let edited = try run(["lint", "--select", "banned", "."])
        XCTAssertTrue(edited.stdout.contains("post.md:1:13:"), "the edited rule's finding, not the cached one: \(edited.stdout)")
    }

    /// Suppression comments silence the project's own rules as they do built-in ones, and
    /// `--fix` leaves the suppressed line alone (it once rewrote it, and unused-suppression
    /// asked for the needed comment to be removed).
    func testSuppressionsSilenceTheProjectsOwnRules() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try write(".postlint.yml", "rule-folders: [rules]\n")
        try write(
            "rules/no-foo.yml",
            "id: no-foo\nkind: substitution\nsummary: Say bar\nrationale: House style.\nfix-safety: safe\npatterns:\n  - match: '\\bfoo\\b'\n    message: say bar\n    replacement: bar\n")
        let post = "<!-- postlint-disable-next-line no-foo -->\nWe foo it.\n\nWe foo that.\n"
        try write("post.md", post)
        let result = try run(["lint", "--no-cache", "post.md"])
        XCTAssertFalse(result.stdout.contains("unused-suppression"), result.stdout)
        XCTAssertFalse(result.stdout.contains("post.md:2:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("post.md:4:4: warning[no-foo]"), result.stdout)
        _ = try run(["lint", "--fix", "post.md"])
        XCTAssertEqual(try read("post.md"), "<!-- postlint-disable-next-line no-foo -->\nWe foo it.\n\nWe bar that.\n")
    }

    /// postlint's own files are not posts: `--fix` once "corrected" the corrections in
    /// `.postlint/words.txt` to `the -> the`. And a correction to itself allows the word.
    func testOwnFilesAreNeverLintedAndSelfCorrectionsAllow() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".postlint"), withIntermediateDirectories: true)
        try write(".postlint/words.txt", "teh -> the\nrecieve -> retrieve\nfrobnicatr -> frobnicatr\n")
        try write("post.md", "The frobnicatr is red.\n")
        let result = try run(["lint", "--fix", "."])
        XCTAssertEqual(try read(".postlint/words.txt"), "teh -> the\nrecieve -> retrieve\nfrobnicatr -> frobnicatr\n")
        XCTAssertEqual(try read("post.md"), "The frobnicatr is red.\n")
        XCTAssertTrue(result.stdout.contains("No problems found in 1 file"), "the self-correction allows the word: \(result.stdout)")
        // Named on the command line (a pre-commit hook passing the staged word list) too.
        _ = try run(["lint", "--fix", "--force-exclude", ".postlint/words.txt"])
        XCTAssertEqual(try read(".postlint/words.txt"), "teh -> the\nrecieve -> retrieve\nfrobnicatr -> frobnicatr\n")
    }

    /// The pre-commit hooks pass every staged Markdown file with --force-exclude: only the
    /// configuration's posts are linted (and fixed).
    func testForceExcludeAppliesIncludeToNamedFiles() throws {
        try write(".postlint.yml", "include: [\"blog/**/*.md\"]\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("blog"), withIntermediateDirectories: true)
        try write("README.md", "I recieve mail.\n")
        try write("blog/post.md", "I recieve mail.\n")
        let result = try run(["lint", "--fix", "--force-exclude", "README.md", "blog/post.md"])
        XCTAssertEqual(try read("README.md"), "I recieve mail.\n", "outside include: left alone")
        XCTAssertEqual(try read("blog/post.md"), "I receive mail.\n")
        XCTAssertTrue(result.stdout.contains("in 1 file"), result.stdout)
    }

    func testNoCacheLeavesNoCacheBehind() throws {
        try write("post.mdx", Self.brokenPost)
        _ = try run(["lint", "--no-cache", "."])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".postlint-cache").path))
    }

    func testProjectWordsAllowWordsAndAddCorrections() throws {
        try write("post.md", "We measure the reasoing of models with Frobnicator.\n")
        let before = try run(["lint", "--select", "typo", "post.md"])
        XCTAssertTrue(before.stdout.contains("'reasoing'"), before.stdout)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".postlint"), withIntermediateDirectories: true)
        try write(".postlint/words.txt", "# our words\nreasoing\n")
        let after = try run(["lint", "--select", "typo", "post.md"])
        XCTAssertFalse(after.stdout.contains("'reasoing'"), "a listed word is allowed: \(after.stdout)")
    }
}
