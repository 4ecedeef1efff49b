package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The promisor remote of a partial clone ({@code git clone --filter=blob:none}), which lacks
 * most file contents. Git fetches a missing blob by itself when one is read, one fetch per blob:
 * a reader that knows the blobs it is about to read calls {@link #fetchMissing} first, so they
 * come in one fetch. Not thread-safe: its owner serializes calls.
 */
final class PartialClone {
    /** Ids written to one fetch at most; git reads them from stdin, so this only bounds one request. */
    private static final int FETCH_CHUNK = 50_000;

    private final GitCommand git;
    private final String remote;
    /** Blobs known to be here: fetched, or found present. */
    private final Set<String> present = new HashSet<>();

    private int fetches;

    private PartialClone(GitCommand git, String remote) {
        this.git = git;
        this.remote = remote;
    }

    /** The partial clone of the repository {@code git} runs in, empty when it is a full clone. */
    static Optional<PartialClone> of(GitCommand git) throws HarvestException {
        // git 2.39 marks the remote (remote.origin.promisor=true); older ones set extensions.partialClone=origin
        GitCommand.Result result =
                git.run(List.of("config", "--get-regexp", "^(extensions\\.partialclone|remote\\..*\\.promisor)$"));
        if (!result.ok()) {
            return Optional.empty();
        }
        for (String line : result.stdout().split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String key = line.substring(0, space);
            String value = line.substring(space + 1).strip();
            if (key.equals("extensions.partialclone") && !value.isEmpty()) {
                return Optional.of(new PartialClone(git, value));
            }
            if (key.endsWith(".promisor") && value.equalsIgnoreCase("true")) {
                String remote = key.substring("remote.".length(), key.length() - ".promisor".length());
                return Optional.of(new PartialClone(git, remote));
            }
        }
        return Optional.empty();
    }

    /**
     * Fetches, in one fetch, those of {@code blobs} this clone lacks; {@code trees} are trees (or
     * {@code commit^{tree}} names) that hold them, which git lists without fetching to tell which
     * are missing. Returns how many blobs it fetched.
     */
    int fetchMissing(Collection<String> blobs, Collection<String> trees) throws HarvestException {
        Set<String> unknown = new LinkedHashSet<>();
        for (String blob : blobs) {
            if (!present.contains(blob)) {
                unknown.add(blob);
            }
        }
        if (unknown.isEmpty()) {
            return 0;
        }
        Set<String> missing = missingUnder(trees);
        List<String> wanted = new ArrayList<>();
        for (String blob : unknown) {
            if (missing.contains(blob)) {
                wanted.add(blob);
            }
        }
        for (int from = 0; from < wanted.size(); from += FETCH_CHUNK) {
            fetch(wanted.subList(from, Math.min(wanted.size(), from + FETCH_CHUNK)));
        }
        present.addAll(unknown);
        return wanted.size();
    }

    /** Fetches this clone has run so far, each one batch of blobs. */
    int fetches() {
        return fetches;
    }

    /** The missing objects below {@code trees}, listed by git without fetching any. */
    private Set<String> missingUnder(Collection<String> trees) throws HarvestException {
        String out = feed(
                List.of("rev-list", "--objects", "--missing=print", "--no-object-names", "--stdin"),
                String.join("\n", new LinkedHashSet<>(trees)) + "\n");
        Set<String> missing = new HashSet<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("?")) {
                missing.add(line.substring(1).strip());
            }
        }
        return missing;
    }

    /** One fetch of {@code ids} from the promisor remote, as git's own lazy fetch runs it. */
    private void fetch(List<String> ids) throws HarvestException {
        fetches++;
        feed(
                List.of(
                        "-c",
                        "fetch.negotiationAlgorithm=noop",
                        "fetch",
                        remote,
                        "--no-tags",
                        "--no-write-fetch-head",
                        "--recurse-submodules=no",
                        "--filter=blob:none",
                        "--stdin"),
                String.join("\n", ids) + "\n");
    }

    /** Runs git with {@code input} on stdin (written while stdout is read, so neither pipe fills) and returns stdout. */
    private String feed(List<String> args, String input) throws HarvestException {
        GitCommand.Running running = git.start(args);
        Thread writer = new Thread(
                () -> {
                    try (OutputStream stdin = running.process().getOutputStream()) {
                        stdin.write(input.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        // git ended early: its exit code and stderr say why
                    }
                },
                "git-stdin");
        writer.setDaemon(true);
        writer.start();
        String out;
        try (InputStream stdout = running.process().getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarvestException(
                    HarvestException.FailureKind.LOCAL, "cannot read output of git " + args.get(0) + ": " + e, e);
        }
        running.requireSuccess();
        return out;
    }
}
