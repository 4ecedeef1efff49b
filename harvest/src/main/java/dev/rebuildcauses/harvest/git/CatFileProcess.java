package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One long-running {@code git cat-file --batch}, started when first asked: objects are asked for in
 * chunks and their answers read in order. After a failure it is ended, and started afresh when asked
 * again. Not thread-safe: one thread at a time.
 */
final class CatFileProcess implements AutoCloseable {
    /** Requests written at once: ~41 bytes each, far below the 64 KiB a pipe holds. */
    static final int BATCH = 512;

    /** A git object as cat-file gave it. */
    record GitObject(String id, String type, byte[] content) {}

    private final Path directory;
    private final GitCommand git;
    private GitCommand.Running catFile;
    private OutputStream requests;
    private InputStream answers;
    private int processesStarted;
    private long objectsRead;
    private long roundTrips;
    private long nanosAnswering;

    CatFileProcess(Path directory, GitCommand git) {
        this.directory = directory;
        this.git = git;
    }

    /** Asks for many objects that must exist, in chunks small enough never to fill git's input pipe. */
    List<GitObject> objects(List<String> ids) throws SnapshotException {
        List<GitObject> found = new ArrayList<>(ids.size());
        for (Optional<GitObject> object : ask(ids, "objects")) {
            found.add(object.orElseThrow(
                    () -> new SnapshotException("object " + ids.get(found.size()) + " is missing in " + directory)));
        }
        return found;
    }

    /** Asks for objects by name (e.g. {@code REV^{tree}}) in chunks; empty for those git does not have. */
    List<Optional<GitObject>> lookup(List<String> names) throws SnapshotException {
        return ask(names, "objects");
    }

    /** Asks for one object, e.g. {@code REV:path} or {@code REV^{tree}}; empty when git has none. */
    Optional<GitObject> object(String name) throws SnapshotException {
        return ask(List.of(name), name).get(0);
    }

    private List<Optional<GitObject>> ask(List<String> names, String what) throws SnapshotException {
        List<Optional<GitObject>> found = new ArrayList<>(names.size());
        for (int from = 0; from < names.size(); from += BATCH) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + BATCH));
            try {
                ensureStarted();
                objectsRead += chunk.size();
                requests.write((String.join("\n", chunk) + "\n").getBytes(StandardCharsets.UTF_8));
                requests.flush();
                roundTrips++;
                long start = System.nanoTime();
                for (String name : chunk) {
                    found.add(answer(name));
                }
                nanosAnswering += System.nanoTime() - start;
            } catch (SnapshotException e) {
                close(); // answers of the chunk may be left unread: start afresh next time
                throw e;
            } catch (IOException e) {
                close();
                throw new SnapshotException("cannot read " + what + " with git cat-file in " + directory, e);
            }
        }
        return found;
    }

    /** Reads cat-file's answer to the request {@code name}. */
    private Optional<GitObject> answer(String name) throws IOException, SnapshotException {
        String header = readLine();
        if (header == null) {
            throw new SnapshotException("git cat-file ended unexpectedly in " + directory + ": " + catFile.stderr());
        }
        if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
            return Optional.empty();
        }
        String[] parts = header.split(" ");
        if (parts.length != 3) {
            throw new SnapshotException(
                    "unexpected git cat-file answer for " + name + " in " + directory + ": " + header);
        }
        int size = Integer.parseInt(parts[2]);
        byte[] content = answers.readNBytes(size);
        if (content.length != size || answers.read() != '\n') {
            throw new SnapshotException("git cat-file answer for " + name + " cut short in " + directory);
        }
        return Optional.of(new GitObject(parts[0], parts[1], content));
    }

    private void ensureStarted() throws SnapshotException {
        if (catFile != null) {
            return;
        }
        try {
            processesStarted++;
            catFile = git.start(List.of("cat-file", "--batch"));
        } catch (HarvestException e) {
            throw new SnapshotException(e.getMessage(), e);
        }
        requests = catFile.process().getOutputStream();
        answers = new BufferedInputStream(catFile.process().getInputStream(), 1 << 16);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(96);
        int b;
        while ((b = answers.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    int processesStarted() {
        return processesStarted;
    }

    long objectsRead() {
        return objectsRead;
    }

    long roundTrips() {
        return roundTrips;
    }

    long nanosAnswering() {
        return nanosAnswering;
    }

    @Override
    public void close() {
        if (catFile != null) {
            try {
                requests.close(); // lets git end by itself
            } catch (IOException e) {
                // already gone: destroying it below is all that is left to do
            } finally {
                catFile.process().destroy();
                catFile = null;
            }
        }
    }
}
