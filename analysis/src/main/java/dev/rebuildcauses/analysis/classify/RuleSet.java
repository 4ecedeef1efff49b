package dev.rebuildcauses.analysis.classify;

import dev.rebuildcauses.analysis.model.Causes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ordered glob rules, first match wins per path. Thread-safe; paths are looked up through an
 * index of the rules and remembered in a bounded cache, since the same paths change again and again.
 *
 * <p>A rules file has one {@code <glob> <cause>} per line; {@code #} starts a comment (at the start
 * of a line or after whitespace); blank lines are ignored. Cause names match
 * {@code [a-z0-9][a-z0-9._-]*} (lower-cased). The file's rules are tried before the defaults, unless
 * it says {@code @no-defaults} (its rules only) or {@code @defaults} (the defaults go on that line).
 * Globs: see {@link Glob}.
 */
public final class RuleSet implements PathClassifier {
    /** The name the default rules go by in verdict reasons. */
    public static final String DEFAULT_SOURCE = "default rules";

    static final int CACHE_LIMIT = 1 << 18;
    private static final String DEFAULT_RESOURCE = "default-rules.txt";

    private final List<Rule> rules;
    private final RuleIndex index;
    private final int cacheLimit;
    private final ConcurrentHashMap<String, Verdict> cache = new ConcurrentHashMap<>(1 << 12);

    private RuleSet(List<Rule> rules) {
        this(rules, CACHE_LIMIT);
    }

    private RuleSet(List<Rule> rules, int cacheLimit) {
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex(this.rules);
        this.cacheLimit = cacheLimit;
    }

    /** The same rules with a cache of at most {@code limit} paths (for tests). */
    RuleSet withCacheLimit(int limit) {
        return new RuleSet(rules, limit);
    }

    /** The default rules of DESIGN.md. */
    public static RuleSet defaults() {
        return DefaultRules.SET;
    }

    /** Reads a rules file that replaces or extends the defaults. */
    public static RuleSet fromFile(Path file) throws RulesFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesFormatException(file.toString(), 0, "cannot read the rules file: " + describe(e));
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses the text of a rules file: its rules come before the defaults, unless it says
     * {@code @no-defaults} (only its rules) or {@code @defaults} (the defaults go there).
     *
     * @param sourceName the file name used in verdict reasons and errors
     */
    public static RuleSet parse(String sourceName, String text) throws RulesFormatException {
        RulesParser.ParsedRules parsed = RulesParser.parse(sourceName, text);
        if (parsed.noDefaults()) {
            return new RuleSet(parsed.rules());
        }
        int at = parsed.defaultsAt() < 0 ? parsed.rules().size() : parsed.defaultsAt();
        List<Rule> combined = new ArrayList<>(parsed.rules().subList(0, at));
        combined.addAll(DefaultRules.RULES);
        combined.addAll(parsed.rules().subList(at, parsed.rules().size()));
        return new RuleSet(combined);
    }

    @Override
    public Verdict classify(String path) {
        Verdict verdict = cache.get(path);
        if (verdict == null) {
            verdict = index.classify(Glob.normalise(path));
            if (cache.size() >= cacheLimit) {
                cache.clear(); // crude but bounded; recent paths come back quickly
            }
            cache.put(path, verdict);
        }
        return verdict;
    }

    /** The rules in the order they are tried. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every cause a path can get, in rule order, ending with {@code other}. */
    public List<String> causes() {
        Set<String> causes = new LinkedHashSet<>();
        rules.forEach(rule -> causes.add(rule.cause()));
        causes.add(Causes.OTHER);
        return List.copyOf(causes);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The default rules, read once from the resource in the rules-file format. */
    private static final class DefaultRules {
        static final List<Rule> RULES = load();
        static final RuleSet SET = new RuleSet(RULES);

        private static List<Rule> load() {
            try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return RulesParser.parse(DEFAULT_SOURCE, text).rules();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
            } catch (RulesFormatException e) {
                throw new IllegalStateException("broken default rules: " + e.getMessage(), e);
            }
        }
    }
}
