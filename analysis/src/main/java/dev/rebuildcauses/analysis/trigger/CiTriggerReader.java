package dev.rebuildcauses.analysis.trigger;

import dev.rebuildcauses.analysis.infer.RepositorySnapshot;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the triggers of the CI files that build images: GitHub Actions workflows ({@code on.push}
 * with {@code paths} / {@code paths-ignore}), Jenkinsfiles ({@code when { changeset … }}) and
 * Bitbucket Pipelines ({@code condition: changesets: includePaths / excludePaths}). A CI file builds
 * images when it runs {@code docker build} (or buildx, podman, compose, build-push-action), a
 * Makefile that does, or a local reusable workflow that does.
 */
public final class CiTriggerReader {
    private static final Pattern BUILDS = Pattern.compile(
            "(?:docker|podman)(?:\\s+buildx)?\\s+build\\b|docker/build-push-action|docker\\.build\\s*\\("
                    + "|docker[- ]compose\\b[^\\n]*\\bbuild\\b");
    private static final Pattern MAKE = Pattern.compile("(?m)(?:^|[\\s;&|\"'])make\\s");
    private static final Pattern USES_LOCAL = Pattern.compile("uses:\\s*[\"']?\\./(\\.github/workflows/[^\\s\"'@]+)");
    private static final Pattern WORKFLOW = Pattern.compile("\\.github/workflows/[^/]+\\.ya?ml");
    private static final Pattern ON = Pattern.compile("^(?:on|\"on\"|'on'|true)\\s*:\\s*(.*)$");
    private static final Pattern KEY =
            Pattern.compile("^(\\s*)([A-Za-z_][A-Za-z0-9_-]*|\"[^\"]+\"|'[^']+')\\s*:\\s*(.*)$");
    private static final Pattern CHANGESET =
            Pattern.compile("(not\\s*\\{\\s*)?changeset\\s*\\(?\\s*(?:pattern\\s*:\\s*)?[\"']([^\"']+)[\"']");

    private final RepositorySnapshot snapshot;
    /** The revision last read, its trigger files (in path order) and the texts read of them. */
    private String lastRevision;

    private final NavigableSet<String> triggerFiles = new TreeSet<>();
    private final Map<String, Optional<String>> texts = new HashMap<>();
    /** A listing with submodules: a diff names them like files, a listing leaves them out, so list every time. */
    private boolean submodules;

    private CiTriggers lastTriggers;

    public CiTriggerReader(RepositorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** True when a change to {@code path} may change the triggers. */
    public static boolean isTriggerFile(String path) {
        return (path.startsWith(".github/workflows/") && WORKFLOW.matcher(path).matches())
                || path.equals("bitbucket-pipelines.yml")
                || path.equals("Makefile")
                || path.startsWith("Jenkinsfile", path.lastIndexOf('/') + 1);
    }

    /**
     * The triggers at {@code revision}. Going forward along a history the snapshot knows the
     * diffs of, the trigger files are moved by the diff from the revision read last and only
     * those it names are read again; the triggers are parsed again only when one changed.
     */
    public CiTriggers read(String revision) throws SnapshotException {
        return triggersAfter(moveTo(revision), revision);
    }

    /**
     * Like {@link #read(String)} for the revision {@code changes} lead to from {@code from}: when
     * {@code from} is the revision read last, its trigger files are moved by {@code changes}, which
     * must be the exact tree diff between the two (a first-parent commit's), instead of a diff the
     * snapshot puts together.
     */
    public CiTriggers read(String revision, String from, List<FileChange> changes) throws SnapshotException {
        if (from == null
                || !from.equals(lastRevision)
                || submodules
                || changes.stream().anyMatch(CiTriggerReader::namesSubmodules)) {
            return read(revision);
        }
        lastRevision = revision;
        boolean changed = false;
        for (FileChange change : changes) {
            changed |= move(change);
        }
        return triggersAfter(changed, revision);
    }

    private CiTriggers triggersAfter(boolean moved, String revision) throws SnapshotException {
        boolean changed = moved;
        List<String> missing = new ArrayList<>();
        for (String path : triggerFiles) {
            if (!texts.containsKey(path)) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            texts.putAll(snapshot.readAll(revision, missing));
            changed = true;
        }
        if (changed || lastTriggers == null) {
            Map<String, String> present = new LinkedHashMap<>();
            for (String path : triggerFiles) {
                texts.get(path).ifPresent(text -> present.put(path, text));
            }
            lastTriggers = parse(present);
        }
        return lastTriggers;
    }

    /**
     * Moves the trigger files to {@code revision}: by the diff from the last revision when the
     * snapshot knows it, else from a new listing. True when the files or their texts may differ.
     */
    private boolean moveTo(String revision) throws SnapshotException {
        if (lastRevision != null && !submodules) {
            Optional<List<FileChange>> diff = revision.equals(lastRevision)
                    ? Optional.of(List.of())
                    : snapshot.changesBetween(lastRevision, revision);
            if (diff.isPresent() && diff.get().stream().noneMatch(CiTriggerReader::namesSubmodules)) {
                lastRevision = revision;
                boolean changed = false;
                for (FileChange change : diff.get()) {
                    changed |= move(change);
                }
                return changed;
            }
        }
        List<String> paths = snapshot.paths(revision);
        triggerFiles.clear();
        texts.clear();
        for (String path : paths) {
            if (isTriggerFile(path)) {
                triggerFiles.add(path);
            }
        }
        submodules = paths.contains(".gitmodules");
        lastRevision = revision;
        return true;
    }

    private static boolean namesSubmodules(FileChange change) {
        return change.path().equals(".gitmodules") || ".gitmodules".equals(change.oldPath());
    }

    /** Applies one change of a diff (removals come before additions); true when it touched a trigger file. */
    private boolean move(FileChange change) {
        boolean touched = false;
        for (String path :
                change.oldPath() == null ? List.of(change.path()) : List.of(change.path(), change.oldPath())) {
            if (isTriggerFile(path)) {
                texts.remove(path);
                touched = true;
            }
        }
        if (!touched) {
            return false;
        }
        switch (change.kind()) {
            case DELETE -> triggerFiles.remove(change.path());
            case RENAME -> {
                triggerFiles.remove(change.oldPath());
                addIfTrigger(change.path());
            }
            case ADD, COPY -> addIfTrigger(change.path());
            case MODIFY -> {
                // on both sides: only its text is read again
            }
        }
        return true;
    }

    private void addIfTrigger(String path) {
        if (isTriggerFile(path)) {
            triggerFiles.add(path);
        }
    }

    /** The triggers of the trigger files with these texts, in path order. */
    private static CiTriggers parse(Map<String, String> texts) {
        boolean makeBuilds = Optional.ofNullable(texts.get("Makefile"))
                .map(text -> BUILDS.matcher(text).find())
                .orElse(false);
        List<PathFilter> filters = new ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            String path = file.getKey();
            String text = file.getValue();
            if (path.equals("Makefile") || !buildsImages(text, texts, makeBuilds, new HashSet<>())) {
                continue;
            }
            if (WORKFLOW.matcher(path).matches()) {
                githubPush(path, text).ifPresent(filters::add);
            } else if (path.equals("bitbucket-pipelines.yml")) {
                filters.add(bitbucket(path, text));
            } else {
                filters.add(jenkins(path, text));
            }
        }
        return new CiTriggers(filters);
    }

    private static boolean buildsImages(String text, Map<String, String> texts, boolean makeBuilds, Set<String> seen) {
        if (BUILDS.matcher(text).find() || (makeBuilds && MAKE.matcher(text).find())) {
            return true;
        }
        Matcher uses = USES_LOCAL.matcher(text);
        while (uses.find()) {
            String used = uses.group(1);
            if (seen.add(used) && texts.containsKey(used) && buildsImages(texts.get(used), texts, makeBuilds, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The push trigger of a workflow; empty when pushes do not run it. */
    static Optional<PathFilter> githubPush(String path, String text) {
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            Matcher on = ON.matcher(lines.get(i));
            if (!on.matches()) {
                continue;
            }
            String inline = on.group(1).trim();
            if (!inline.isEmpty()) {
                return flow(inline).contains("push") || inline.equals("push")
                        ? Optional.of(PathFilter.none(path + ": on.push"))
                        : Optional.empty();
            }
            int end = blockEnd(lines, i, 0);
            for (int j = i + 1; j < end; j++) {
                Matcher key = KEY.matcher(lines.get(j));
                if (key.matches() && unquote(key.group(2)).equals("push")) {
                    int indent = key.group(1).length();
                    int pushEnd = blockEnd(lines, j, indent);
                    List<String> include = list(lines, j + 1, pushEnd, "paths");
                    List<String> ignore = list(lines, j + 1, pushEnd, "paths-ignore");
                    String source = path + ": on.push"
                            + (include.isEmpty() ? "" : ".paths")
                            + (ignore.isEmpty() ? "" : (include.isEmpty() ? "" : " and") + ".paths-ignore");
                    return Optional.of(new PathFilter(source, include, ignore));
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    static PathFilter jenkins(String path, String text) {
        List<String> include = new ArrayList<>();
        List<String> ignore = new ArrayList<>();
        Matcher changeset = CHANGESET.matcher(text);
        while (changeset.find()) {
            (changeset.group(1) == null ? include : ignore).add(changeset.group(2));
        }
        return new PathFilter(path + ": when { changeset }", include, ignore);
    }

    static PathFilter bitbucket(String path, String text) {
        List<String> lines = lines(text);
        List<String> include = new ArrayList<>();
        List<String> ignore = new ArrayList<>();
        boolean conditional = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (key.matches() && unquote(key.group(2)).equals("changesets")) {
                int end = blockEnd(lines, i, key.group(1).length());
                include.addAll(list(lines, i + 1, end, "includePaths"));
                ignore.addAll(list(lines, i + 1, end, "excludePaths"));
                conditional = true;
            }
        }
        // a step without a condition still builds on every push
        boolean unconditional = !conditional || countSteps(lines) > countConditions(lines);
        return unconditional
                ? PathFilter.none(path + ": condition.changesets")
                : new PathFilter(path + ": condition.changesets", include, ignore);
    }

    private static long countSteps(List<String> lines) {
        return lines.stream()
                .filter(line -> line.trim().matches("-?\\s*step\\s*:.*"))
                .count();
    }

    private static long countConditions(List<String> lines) {
        return lines.stream()
                .filter(line -> line.trim().startsWith("condition:"))
                .count();
    }

    /** The items of the list under {@code name} between {@code from} and {@code to}: block items or a flow sequence. */
    private static List<String> list(List<String> lines, int from, int to, String name) {
        for (int i = from; i < to; i++) {
            Matcher key = KEY.matcher(lines.get(i));
            if (!key.matches() || !unquote(key.group(2)).equals(name)) {
                continue;
            }
            String inline = key.group(3).trim();
            if (!inline.isEmpty()) {
                return flow(inline);
            }
            List<String> items = new ArrayList<>();
            int indent = key.group(1).length();
            for (int j = i + 1; j < to; j++) {
                String line = lines.get(j);
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (indent(line) < indent || (indent(line) == indent && !trimmed.startsWith("-"))) {
                    break;
                }
                if (trimmed.startsWith("-")) {
                    items.add(unquote(trimmed.substring(1).trim()));
                }
            }
            return items;
        }
        return List.of();
    }

    private static List<String> flow(String inline) {
        String body = inline.trim();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        } else {
            return List.of(unquote(body));
        }
        List<String> items = new ArrayList<>();
        for (String item : body.split(",")) {
            if (!item.isBlank()) {
                items.add(unquote(item.trim()));
            }
        }
        return items;
    }

    /** The index of the first line after {@code start} that is indented no deeper than {@code indent}. */
    private static int blockEnd(List<String> lines, int start, int indent) {
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && indent(line) <= indent) {
                return i;
            }
        }
        return lines.size();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The lines with comments cut ({@code #} at the start or after a blank, outside quotes). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            lines.add(stripComment(line));
        }
        return lines;
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i).stripTrailing();
            }
        }
        return line.stripTrailing();
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))
                ? v.substring(1, v.length() - 1)
                : v;
    }
}
