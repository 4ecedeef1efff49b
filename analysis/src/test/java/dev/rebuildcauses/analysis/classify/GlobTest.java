package dev.rebuildcauses.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                // a pattern without '/' matches the basename at any depth, case-insensitively
                "Dockerfile | Dockerfile",
                "Dockerfile | services/api/dockerfile",
                "*.py | a.py",
                "*.py | src/deep/er/Module.PY",
                "*.py | my dir/my file.py",
                "*.py | données/modèle.py",
                "ÜBER.md | docs/über.md",
                "requirements*.txt | requirements.txt",
                "requirements*.txt | sub/requirements-dev.txt",
                "?.txt | a.txt",
                "[abc].txt | b.txt",
                "[a-c]x | bx",
                "[!a]x | bx",
                "[^a]x | bx",
                "[A-Z]*.md | readme.md",
                "*.{yml,yaml} | ci/config.yaml",
                "*.{yml,yaml} | config.yml",
                "a**b | axxb",
                "\\[x].txt | [x].txt",
                "* | anything/at/all",
                // a pattern with '/' is anchored at the root
                "docs/** | docs/a.md",
                "docs/** | docs/a/b/c.py",
                ".github/workflows/* | .github/workflows/build.yml",
                "/Dockerfile | Dockerfile",
                "src/*.py | src/a.py",
                "src/**/*.py | src/a.py",
                "src/**/*.py | src/x/y/a.py",
                "**/test_*.py | test_a.py",
                "**/test_*.py | x/y/test_a.py",
                "{docs,doc}/** | doc/x.txt",
                "{**/gen,build}/** | gen/x.py",
                "{**/gen,build}/** | a/b/gen/x.py",
                "{**/gen,build}/** | build/x.py",
                "src/{**/,}*.py | src/a/b/c.py",
                "src/{**/,}*.py | src/c.py",
                // a trailing '/' means everything below such a directory
                "docs/ | docs/x.md",
                "docs/ | a/docs/b/c.py",
                "a/b/ | a/b/c",
                "a/b/ | a/b/c/d",
                "/docs/ | docs/x",
                // paths are normalised
                "docs/** | ./docs/a.md",
                "docs/** | /docs/a.md",
                "src/*.py | src\\a.py",
                "Dockerfile | ././Dockerfile",
                "./docs/** | docs/a.md",
                "./Dockerfile | Dockerfile",
                "././src/*.py | src/a.py",
            })
    void shouldMatch(String glob, String path) {
        // Given a compiled glob
        Glob compiled = Glob.compile(glob);

        // When matching the path, Then it matches
        assertThat(compiled.matches(path)).isTrue();
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "Dockerfile | Dockerfile.gpu",
                "Dockerfile | xDockerfile",
                "Dockerfile | Dockerfile/readme",
                "*.py | a.pyc",
                "*.py | py",
                "requirements*.txt | dev-requirements.txt",
                "?.txt | ab.txt",
                "[abc].txt | d.txt",
                "[!a]x | ax",
                "*.{yml,yaml} | config.yml.bak",
                "docs/** | src/docs/a.md",
                "docs/** | docs",
                ".github/workflows/* | .github/workflows/sub/x.yml",
                ".github/workflows/* | a/.github/workflows/x.yml",
                "/Dockerfile | a/Dockerfile",
                "src/*.py | src/a/b.py",
                "src/**/*.py | lib/src/a.py",
                "docs/ | docs",
                "docs/ | mydocs/x",
                "docs/ | a/docs",
                "a/b/ | x/a/b/c",
                "a/b/ | a/b",
                "a**b | a/b",
                "\\[x].txt | x.txt",
                "./Dockerfile | a/Dockerfile",
                "{**/gen,build}/** | a/build/x.py",
            })
    void shouldNotMatch(String glob, String path) {
        // Given a compiled glob
        Glob compiled = Glob.compile(glob);

        // When matching the path, Then it does not match
        assertThat(compiled.matches(path)).isFalse();
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "a[b | unbalanced '[' in glob 'a[b'",
                "a{b,c | unbalanced '{' in glob 'a{b,c'",
                "a}b | unbalanced '}' in glob 'a}b'",
                "[z-a].txt | invalid character class in glob '[z-a].txt'",
                "/ | empty glob",
                "./ | empty glob",
                "// | empty glob '//'",
            })
    void shouldRejectInvalidGlobs(String glob, String problem) {
        // Given an invalid glob, When compiling it, Then it fails saying what is wrong
        assertThatThrownBy(() -> Glob.compile(glob))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(problem);
    }

    @ParameterizedTest(name = "{0} normalises to {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "./src/A.py | src/a.py",
                "/docs/x.md | docs/x.md",
                "src\\main\\App.java | src/main/app.java",
                ".github/workflows/x.yml | .github/workflows/x.yml",
                ".gitignore | .gitignore",
            })
    void shouldNormalisePaths(String path, String normalised) {
        assertThat(Glob.normalise(path)).isEqualTo(normalised);
    }
}
